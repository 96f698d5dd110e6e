from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "invitations"
    verbose_name = _("Invitations and protocol")

    def ready(self):
        from conference.roles import ORGANISERS, grant, model_permissions
        from conference.sitemaps import register_sitemaps
        from invitations import emails, retention, sitemaps
        from invitations.models import Guest, PressAccreditation
        from registrations.emails import register_email_renderer
        from registrations.retention import anonymisation_hooks

        register_sitemaps(sitemaps.SITEMAPS)
        for kind in emails.GUEST_KINDS:
            register_email_renderer(kind, emails.render_guest_email)
        if retention.anonymise_guests not in anonymisation_hooks:
            anonymisation_hooks.append(retention.anonymise_guests)
        # The guest list is the organisers' own (added, imported, edited);
        # invitations and answers change only through invitations.services.
        grant(
            ORGANISERS,
            model_permissions(Guest)
            | model_permissions(PressAccreditation, actions=("view", "change"))
            | {"invitations.send_invitations"},
        )
