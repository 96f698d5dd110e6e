from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

DESK_PERMISSIONS = {
    "registrations.check_in_registration",
    "registrations.view_attendee_list",
}


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from conference.health import add_health_check
        from conference.roles import (
            ORGANISERS,
            REGISTRATION_DESK,
            grant,
            model_permissions,
        )
        from conference.sitemaps import register_sitemaps
        from registrations import health, sitemaps
        from registrations.models import (
            Announcement,
            CheckInUndo,
            OutgoingEmail,
            Registration,
        )

        register_sitemaps(sitemaps.SITEMAPS)
        add_health_check("outbox", health.outbox)
        # The check-in page and the sign-in sheet: names, organisations, needs;
        # no admin lists, no exports, no e-mail addresses or phone numbers.
        grant(REGISTRATION_DESK, DESK_PERMISSIONS)
        # Registrations change only through registrations.services: the admin
        # shows them read-only, and "change" there means running the desk's
        # actions (confirm, cancel, check in, resend) on them.
        grant(
            ORGANISERS,
            model_permissions(Registration, OutgoingEmail, actions=("view", "change"))
            | model_permissions(Announcement)
            | DESK_PERMISSIONS
            | model_permissions(CheckInUndo, actions=("view",))
            | {
                "registrations.view_exportlog",
                "registrations.export_registrations",
                "registrations.print_badges",
                "registrations.undo_check_in",
            },
        )
        from programme.services import agenda_published_hooks
        from registrations.outreach import notify_agenda_change

        if notify_agenda_change not in agenda_published_hooks:
            agenda_published_hooks.append(notify_agenda_change)
        from programme.warnings import attendance_counters
        from registrations.selectors import confirmed_count

        if confirmed_count not in attendance_counters:
            attendance_counters.append(confirmed_count)
