from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from conference import signals
        from programme import signals as programme_signals
        from registrations import receivers

        for signal, receiver in [
            (signals.role_permissions, receivers.role_permissions),
            (signals.sitemaps, receivers.sitemap_sections),
            (signals.page_sections, receivers.page_sections_for),
            (signals.health_check, receivers.outbox_health),
            (signals.event_moved, receivers.attendees_follow_the_event),
            (programme_signals.agenda_changed, receivers.agenda_changed),
            (programme_signals.confirmed_attendance, receivers.confirmed_attendance),
        ]:
            signal.connect(receiver, dispatch_uid=f"registrations.{receiver.__name__}")
