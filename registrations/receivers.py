"""What registrations answers to the signals of the apps below it
(conference.signals, programme.signals); connected in
RegistrationsConfig.ready()."""

from django.utils.translation import ngettext

from conference.page_sections import sections_for
from conference.roles import ORGANISERS, REGISTRATION_DESK, model_permissions
from programme.models import AgendaVersion
from registrations import health, outreach, page_sections, selectors, sitemaps
from registrations.models import (
    Announcement,
    CheckInUndo,
    OutgoingEmail,
    Registration,
)

# The check-in page and the sign-in sheet: names, organisations, needs; no
# admin lists, no exports, no e-mail addresses or phone numbers.
DESK_PERMISSIONS = {
    "registrations.check_in_registration",
    "registrations.view_attendee_list",
}


def role_permissions(sender, **kwargs):
    # Registrations change only through registrations.services: the admin
    # shows them read-only, and "change" there means running the desk's
    # actions (confirm, cancel, check in, resend) on them.
    return {
        REGISTRATION_DESK: DESK_PERMISSIONS,
        ORGANISERS: model_permissions(
            Registration, OutgoingEmail, actions=("view", "change")
        )
        | model_permissions(Announcement)
        | model_permissions(CheckInUndo, actions=("view",))
        | DESK_PERMISSIONS
        | {
            "registrations.view_exportlog",
            "registrations.export_registrations",
            "registrations.print_badges",
            "registrations.undo_check_in",
        },
    }


def sitemap_sections(sender, **kwargs):
    return sitemaps.SITEMAPS


def page_sections_for(sender, *, page, context, **kwargs):
    return sections_for(page_sections.SECTIONS, page=page, context=context)


def outbox_health(sender, **kwargs):
    return health.outbox()


def attendees_follow_the_event(sender, *, event, **kwargs):
    """The event has a new date (conference.signals.event_moved). With a
    published agenda, publishing it again at the new date tells the confirmed
    attendees (programme's receiver, then agenda_changed below); before that,
    they are told here."""
    if AgendaVersion.objects.filter(event=event).exists():
        return ""
    told = outreach.notify_event_moved(event=event)
    if not told:
        return ""
    return ngettext(
        "%(count)s confirmed attendee will be told the new date.",
        "%(count)s confirmed attendees will be told the new date.",
        told,
    ) % {"count": told}


def agenda_changed(sender, *, version, changed, **kwargs):
    """Tell the confirmed attendees (programme.signals.agenda_changed)."""
    return outreach.notify_agenda_change(version=version, changed=changed)


def confirmed_attendance(sender, *, event, **kwargs):
    return selectors.confirmed_count(event)
