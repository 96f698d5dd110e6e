from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "invitations"
    verbose_name = _("Invitations and protocol")

    def ready(self):
        from conference import signals
        from invitations import receivers
        from registrations import signals as registrations_signals

        for signal, receiver in [
            (signals.role_permissions, receivers.role_permissions),
            (signals.sitemaps, receivers.sitemap_sections),
            (registrations_signals.email_to_render, receivers.email_to_render),
            (
                registrations_signals.personal_data_erasing,
                receivers.personal_data_erasing,
            ),
        ]:
            signal.connect(receiver, dispatch_uid=f"invitations.{receiver.__name__}")
