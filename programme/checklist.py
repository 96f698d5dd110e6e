"""The go-live checklist on the admin index: what the public or the law still
needs from the organisers, each item with a link to the field to fill."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from conference.checklist_return import checklist_link
from conference.models import Event, Partner
from programme.models import AgendaVersion, Result, Session, SessionKind, Speaker
from programme.warnings import agenda_warnings

BREAK_KINDS = [SessionKind.REGISTRATION, SessionKind.BREAK, SessionKind.LUNCH]


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    url: str
    required_for_registration: bool = False


def change_url(obj, field: str = "") -> str:
    """The object's page in the admin, open at `field`; saving it comes back
    to the checklist (conference.checklist_return)."""
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return checklist_link(url, field)


def event_items(event: Event) -> list[ChecklistItem]:
    items = []
    if "data_controller" in event.missing_for_registration():
        items.append(
            ChecklistItem(
                _("Name the data controller for the privacy notice."),
                change_url(event, "data_controller_bg"),
                required_for_registration=True,
            )
        )
    if "contact_email" in event.missing_for_registration():
        items.append(
            ChecklistItem(
                _("Give a contact e-mail address."),
                change_url(event, "contact_email"),
                required_for_registration=True,
            )
        )
    if not event.venue_address:
        items.append(
            ChecklistItem(
                _("Give the venue’s address (shown on the ticket)."),
                change_url(event, "venue_address_bg"),
            )
        )
    if not event.map_url:
        items.append(
            ChecklistItem(
                _("Add a map link to the venue."), change_url(event, "map_url")
            )
        )
    if event.times_are_provisional:
        items.append(
            ChecklistItem(
                _("Confirm the start and end time of the conference."),
                change_url(event, "start_time"),
            )
        )
    if not event.funding_statement:
        items.append(
            ChecklistItem(
                _("Write the funding statement shown in the footer."),
                change_url(event, "funding_statement_bg"),
            )
        )
    if not AgendaVersion.objects.filter(event=event).exists():
        items.append(
            ChecklistItem(
                _("Publish the agenda (the public sees only the announced topics)."),
                checklist_link(reverse("admin:programme_agendaversion_add")),
            )
        )
    return items


def session_items(event: Event) -> list[ChecklistItem]:
    items = []
    sessions = (
        Session.objects.filter(event=event)
        .exclude(kind__in=BREAK_KINDS)
        .prefetch_related("session_speakers")
    )
    for session in sessions:
        if not session.room_id and not session.in_every_room:
            items.append(
                ChecklistItem(
                    _("Session “%(title)s” has no room.") % {"title": session.title},
                    change_url(session, "room"),
                )
            )
        if not session.session_speakers.all():
            items.append(
                ChecklistItem(
                    _("Session “%(title)s” has no speakers.")
                    % {"title": session.title},
                    change_url(session),
                )
            )
    for speaker in Speaker.objects.filter(Q(bio_bg="") | Q(bio_en="") | Q(photo="")):
        if not speaker.bio_bg or not speaker.bio_en:
            items.append(
                ChecklistItem(
                    _("Speaker %(name)s has no biography.") % {"name": speaker.name},
                    change_url(speaker, "bio_bg"),
                )
            )
        if not speaker.photo:
            items.append(
                ChecklistItem(
                    _("Speaker %(name)s has no photo.") % {"name": speaker.name},
                    change_url(speaker, "photo"),
                )
            )
    return items


def warning_items(event: Event) -> list[ChecklistItem]:
    """The agenda's warnings (programme.warnings), each linking to the first
    session it names."""
    return [
        ChecklistItem(
            warning.message,
            checklist_link(
                reverse("admin:programme_session_change", args=[warning.session_ids[0]])
            ),
        )
        for warning in agenda_warnings(event)
    ]


def content_items() -> list[ChecklistItem]:
    items = []
    for result in Result.objects.filter(
        Q(image__gt="", image_alt_bg="")
        | Q(image__gt="", image_alt_en="")
        | Q(expects_document=True, document="")
    ):
        if result.image and not (result.image_alt_bg and result.image_alt_en):
            items.append(
                ChecklistItem(
                    _("The image of “%(title)s” has no description.")
                    % {"title": result.title},
                    change_url(result, "image_alt_bg"),
                )
            )
        if result.expects_document and not result.document:
            items.append(
                ChecklistItem(
                    _("Upload the PDF of “%(title)s”.") % {"title": result.title},
                    change_url(result, "document"),
                )
            )
    for partner in Partner.objects.filter(Q(website="") | Q(logo="")):
        if not partner.website:
            items.append(
                ChecklistItem(
                    _("Partner %(name)s has no link.") % {"name": partner.name},
                    change_url(partner, "website"),
                )
            )
        if not partner.logo:
            items.append(
                ChecklistItem(
                    _("Partner %(name)s has no logo.") % {"name": partner.name},
                    change_url(partner, "logo"),
                )
            )
    return items


def go_live_checklist() -> list[ChecklistItem]:
    event = Event.objects.current()
    if event is None:
        return [
            ChecklistItem(
                _("Load the content or add the event."),
                checklist_link(reverse("admin:conference_event_add")),
            )
        ]
    return (
        event_items(event)
        + session_items(event)
        + warning_items(event)
        + content_items()
    )
