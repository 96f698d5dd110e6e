"""Every cell of the table of registrations.rules, through the real doors.

For each action, phase and state: an event at that phase (a fixed clock), a
registration in that state, and the action done the way people do it — a
public page, the desk, an admin action or page, a command. Then: allowed →
it happened; refused → it did not, and whoever did it was told the table's
reason in their language. Automatic jobs (reminders, promotions, the agenda
notice, anonymisation) tell nobody: they just leave the registration alone.

The event (20 September 2027): registration from 1 June to 13 September
18:00, the desk opens at 08:15, the doors at 08:45, 09:30–17:00, personal
data kept 90 days (erased from 20 December). Cells alternate Bulgarian and
English; commands speak English.
"""

import datetime
import html
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from archive.models import Certificate, Feedback
from conference.models import RegistrationMode
from conference.phases import Phase
from invitations.models import (
    Guest,
    InvitationStatus,
    InvitationToken,
    PressAccreditation,
    PressStatus,
)
from programme.services import publish_agenda
from registrations import reserved, rules
from registrations.exceptions import NotAllowed
from registrations.models import (
    Announcement,
    Audience,
    CheckInUndo,
    EmailKind,
    ExportLog,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
    SeatQuota,
    TokenPurpose,
)
from registrations.rules import Action, State
from tests.factories import (
    GuestFactory,
    PressAccreditationFactory,
    SessionFactory,
)
from tests.moments import DAY, MOMENTS, make_registration, sofia
from tests.registrations.conftest import event_form_data, make_token

pytestmark = pytest.mark.django_db


@dataclass
class Cell:
    event: object
    registration: Registration
    language: str
    anonymous: Client
    organiser: Client
    desk: Client

    @property
    def manage(self) -> str | None:
        """The registration's page, while it has links (not once erased)."""
        if self.registration.anonymised_at:
            return None
        token = make_token(self.registration)
        return f"/{self.language}/registration/{token}/"

    def fresh(self) -> Registration:
        return Registration.objects.get(pk=self.registration.pk)


def _text(response) -> str:
    """The messages the response leaves for the next page, and its own text
    unless it is a redirect (rendering the next page would only be slow)."""
    said = [str(message) for message in get_messages(response.wsgi_request)]
    if response.status_code not in (301, 302):
        said.append(response.content.decode())
    return html.unescape(" ".join(said))


def _admin_action(cell, action, **extra):
    """The action, confirmed (its confirmation page is tested elsewhere)."""
    url = f"/{cell.language}/admin/registrations/registration/"
    data = {"action": action, "_selected_action": [cell.registration.pk]}
    return _text(cell.organiser.post(url, {**data, "confirmed": "yes", **extra}))


def _command(name, *args) -> str:
    try:
        call_command(name, *args, stdout=_Sink())
    except CommandError as error:
        return str(error)
    return ""


class _Sink:
    def write(self, text):
        pass

    def flush(self):
        pass


def _emails(cell, kind) -> int:
    return OutgoingEmail.objects.filter(
        registration_id=cell.registration.pk, kind=kind
    ).count()


# Each door returns (done, what the person read); None: nobody is told.


def register_form(cell):
    before = OutgoingEmail.objects.count()
    response = cell.anonymous.post(
        f"/{cell.language}/register/",
        {
            "first_name": "Zoë",
            "last_name": "Smith",
            "email": cell.registration.email or "someone.new@example.org",
            "organisation": "Animus Association Foundation",
            "position": "Social worker",
            "country": "Bulgaria",
            "organisation_type": "ngo",
            "language": cell.language,
            "consent": "on",
        },
    )
    return OutgoingEmail.objects.count() > before, _text(response)


def _link_post(suffix, changed: Callable):
    def door(cell):
        if cell.manage is None:
            return False, None
        response = cell.anonymous.post(cell.manage + suffix)
        return changed(cell), _text(response)

    return door


def _status_became(status):
    return lambda cell: (
        cell.registration.status != status and cell.fresh().status == status
    )


def _confirmed_now(cell):
    return cell.registration.status == RegistrationStatus.PENDING and (
        cell.fresh().status != RegistrationStatus.PENDING
    )


def cancel_admin(cell):
    said = _admin_action(cell, "cancel_registrations")
    return _status_became(RegistrationStatus.CANCELLED)(cell), said


def promote_by_capacity(cell):
    event = cell.event
    event.capacity = event.registrations.confirmed().count()
    event.save()
    data = event_form_data(event, cell.organiser.user) | {
        "capacity": event.capacity + 1
    }
    cell.organiser.post(
        f"/{cell.language}/admin/conference/event/{event.pk}/change/", data
    )
    return cell.fresh().promoted_at is not None, None


def confirm_from_list_admin(cell):
    said = _admin_action(cell, "confirm_from_waiting_list")
    return _status_became(RegistrationStatus.CONFIRMED)(cell), said


def change_details_form(cell):
    if cell.manage is None:
        return False, None
    registration = cell.registration
    data = {
        field: getattr(registration, field) or "x"
        for field in (
            "first_name",
            "last_name",
            "organisation",
            "position",
            "country",
            "organisation_type",
            "language",
        )
    } | {"phone": "+359 2 999 9999"}
    response = cell.anonymous.post(cell.manage, data)
    return cell.fresh().phone == "+359 2 999 9999", _text(response)


def seat_invited(cell):
    """What accepting an invitation and accrediting a journalist call."""
    cell.event.reserved_seats = 5
    cell.event.save()
    details = {
        "first_name": "Guest",
        "last_name": "Invited",
        "email": cell.registration.email or "guest@example.org",
        "organisation": "Ministry",
        "position": "Expert",
        "country": "Bulgaria",
        "organisation_type": "government",
        "language": cell.language,
    }
    try:
        reserved.seat_invited_person(event=cell.event, details=details)
    except NotAllowed as refusal:
        with translation.override(cell.language):
            return False, refusal.message
    return Registration.objects.filter(quota=SeatQuota.RESERVED).exists(), ""


def release_seats_page(cell):
    """The guest list's page that gives unused reserved seats to the public."""
    cell.event.reserved_seats = 2
    cell.event.save()
    capacity = cell.event.capacity
    response = cell.organiser.post(
        f"/{cell.language}/admin/invitations/guest/release-seats/", {"seats": 1}
    )
    cell.event.refresh_from_db()
    return cell.event.capacity == capacity + 1, _text(response)


def _guest(cell, status=InvitationStatus.SENT, **fields):
    """An invited guest of the cell's event; the event has guests beside the
    public and reserved seats left."""
    cell.event.registration_mode = RegistrationMode.MIXED
    cell.event.reserved_seats = 5
    cell.event.save()
    return GuestFactory(
        event=cell.event, status=status, language=cell.language, **fields
    )


def _guest_status(guest) -> str:
    return Guest.objects.get(pk=guest.pk).status


def _guests_admin(cell, action, guest):
    url = f"/{cell.language}/admin/invitations/guest/"
    data = {"action": action, "_selected_action": [guest.pk], "confirmed": "yes"}
    return _text(cell.organiser.post(url, data))


def send_invitations_admin(cell):
    guest = _guest(cell, InvitationStatus.NOT_SENT)
    said = _guests_admin(cell, "send_invitations", guest)
    return _guest_status(guest) == InvitationStatus.SENT, said


def remind_guests_admin(cell):
    guest = _guest(cell)
    said = _guests_admin(cell, "send_reminders", guest)
    return Guest.objects.get(pk=guest.pk).reminded_at is not None, said


def withdraw_admin(cell):
    guest = _guest(cell)
    said = _guests_admin(cell, "withdraw_invitations", guest)
    return _guest_status(guest) == InvitationStatus.WITHDRAWN, said


def add_delegates_admin(cell):
    guest = _guest(
        cell,
        InvitationStatus.DELEGATED,
        delegate_name="Мария Петрова",
        delegate_email="delegate@example.org",
    )
    said = _guests_admin(cell, "add_delegates", guest)
    return Guest.objects.filter(delegate_of=guest).exists(), said


def _invitation_link(cell, guest, suffix, data):
    token = InvitationToken.objects.issue(guest=guest)
    response = cell.anonymous.post(
        f"/{cell.language}/invitation/{token}/{suffix}", data, follow=True
    )
    return _text(response)


def accept_link(cell):
    guest = _guest(cell)
    said = _invitation_link(
        cell, guest, "accept/", {"language": cell.language, "consent": "on"}
    )
    return _guest_status(guest) == InvitationStatus.ACCEPTED, said


def decline_link(cell):
    guest = _guest(cell)
    said = _invitation_link(cell, guest, "decline/", {})
    return _guest_status(guest) == InvitationStatus.DECLINED, said


def press_form(cell):
    response = cell.anonymous.post(
        f"/{cell.language}/press/",
        {
            "first_name": "Елена",
            "last_name": "Георгиева",
            "email": "press@example.org",
            "outlet": "БТА",
            "position": "репортер",
            "country": "България",
            "language": cell.language,
            "consent": "on",
        },
    )
    return PressAccreditation.objects.exists(), _text(response)


def accredit_admin(cell):
    cell.event.reserved_seats = 5
    cell.event.save()
    accreditation = PressAccreditationFactory(event=cell.event)
    url = f"/{cell.language}/admin/invitations/pressaccreditation/"
    data = {
        "action": "accredit",
        "_selected_action": [accreditation.pk],
        "confirmed": "yes",
    }
    said = _text(cell.organiser.post(url, data))
    accreditation.refresh_from_db()
    return accreditation.status == PressStatus.ACCEPTED, said


def _checked_in_now(cell):
    return cell.fresh().checked_in_at != cell.registration.checked_in_at


def check_in_desk(cell):
    response = cell.desk.post(
        f"/{cell.language}/check-in/", {"registration": cell.registration.pk, "q": ""}
    )
    return _checked_in_now(cell), _text(response)


def check_in_link(cell):
    if cell.registration.anonymised_at:
        return False, None
    token = make_token(cell.registration, TokenPurpose.CHECK_IN)
    response = cell.desk.post(f"/{cell.language}/check-in/{token}/")
    return _checked_in_now(cell), _text(response)


def check_in_admin(cell):
    said = _admin_action(cell, "check_in_registrations")
    return _checked_in_now(cell), said


def undo_desk(cell):
    response = cell.organiser.post(
        f"/{cell.language}/check-in/",
        {"registration": cell.registration.pk, "reason": "By mistake", "q": ""},
    )
    return CheckInUndo.objects.exists(), _text(response)


def undo_admin(cell):
    said = _admin_action(cell, "undo_check_ins", reason="By mistake")
    return CheckInUndo.objects.exists(), said


def _has_certificate(cell):
    return Certificate.objects.filter(registration_id=cell.registration.pk).exists()


def certificate_link(cell):
    if cell.manage is None:
        return False, None
    response = cell.anonymous.get(cell.manage + "certificate.pdf")
    said = "" if response["Content-Type"] == "application/pdf" else _text(response)
    return _has_certificate(cell), said


def certificates_admin(cell):
    url = f"/{cell.language}/admin/archive/aftereventrecord/certificates/"
    response = cell.organiser.post(url)
    return _has_certificate(cell), _text(response)


def certificates_command(cell):
    said = _command("issue_certificates")
    return _has_certificate(cell), said


def reminders_command(cell):
    _command("send_reminders", "--days", "400")
    return _emails(cell, EmailKind.REMINDER) > 0, None


def agenda_published(cell):
    session = SessionFactory(
        event=cell.event,
        starts_at=sofia(DAY, 9, 30),
        ends_at=sofia(DAY, 10, 30),
    )
    publish_agenda(event=cell.event)
    session.starts_at += datetime.timedelta(minutes=15)
    session.save()
    publish_agenda(event=cell.event)
    return _emails(cell, EmailKind.AGENDA_CHANGED) > 0, None


AUDIENCES = {
    State.CHECKED_IN: Audience.ATTENDED,
    State.CONFIRMED: Audience.NOT_ATTENDED,
    State.WAITLISTED: Audience.WAITLISTED,
}


def message_admin(cell):
    audience = AUDIENCES.get(rules.state_of(cell.registration), Audience.CONFIRMED)
    announcement = Announcement.objects.create(
        event=cell.event,
        audience=audience,
        subject_bg="Тема",
        subject_en="Subject",
        body_bg="Текст",
        body_en="Text",
    )
    url = f"/{cell.language}/admin/registrations/announcement/"
    data = {"action": "send_announcements", "_selected_action": [announcement.pk]}
    response = cell.organiser.post(url, {**data, "confirmed": "yes"})
    return _emails(cell, EmailKind.ANNOUNCEMENT) > 0, _text(response)


def follow_up_admin(cell):
    url = f"/{cell.language}/admin/archive/aftereventrecord/follow-up/"
    response = cell.organiser.post(url)
    return _emails(cell, EmailKind.FOLLOW_UP) > 0, _text(response)


def follow_up_command(cell):
    said = _command("send_follow_up")
    return _emails(cell, EmailKind.FOLLOW_UP) > 0, said


def feedback_form(cell):
    if cell.manage is None:
        return False, None
    response = cell.anonymous.post(cell.manage + "feedback/", {"rating": "4"})
    done = Feedback.objects.filter(registration_id=cell.registration.pk).exists()
    return done, _text(response)


def manage_page(cell):
    if cell.manage is None:
        return False, None
    response = cell.anonymous.get(cell.manage)
    return 'id="stored-heading"' in response.content.decode(), _text(response)


def desk_search(cell):
    response = cell.desk.get(f"/{cell.language}/check-in/", {"q": "Иванова"})
    return 'class="desk-found"' in response.content.decode(), _text(response)


def sign_in_sheet(cell):
    response = cell.desk.get(f"/{cell.language}/desk/sign-in-sheet/")
    return '<table class="sheet">' in response.content.decode(), _text(response)


def export_admin(cell):
    url = f"/{cell.language}/admin/registrations/registration/export/"
    response = cell.organiser.post(
        url, {"columns": ["last_name", "status"], "format": "csv"}
    )
    log = ExportLog.objects.first()
    return log is not None and log.row_count == 1, _text(response)


def check_in_list(cell):
    response = cell.organiser.get(f"/{cell.language}/desk/check-in-list.csv")
    return ExportLog.objects.exists(), _text(response)


def anonymise_command(cell):
    _command("anonymise_registrations")
    fresh = cell.fresh()
    return cell.registration.anonymised_at is None and bool(fresh.anonymised_at), None


# Who is told what: "person" doors say every refusal; "event" doors (a page
# or command for everyone) say why not now, and leave out those it is not
# for; "phase" doors ask for the event only; "silent" doors tell nobody.
DOORS: dict[Action, list[tuple[Callable, str]]] = {
    Action.REGISTER: [(register_form, "phase")],
    Action.CONFIRM: [
        (_link_post("confirm/", _confirmed_now), "person"),
    ],
    Action.LEAVE_WAITING_LIST: [
        (
            _link_post(
                "leave-waiting-list/", _status_became(RegistrationStatus.CANCELLED)
            ),
            "person",
        )
    ],
    Action.CANCEL: [
        (_link_post("cancel/", _status_became(RegistrationStatus.CANCELLED)), "person"),
        (cancel_admin, "person"),
    ],
    Action.PROMOTE: [(promote_by_capacity, "silent")],
    Action.CONFIRM_FROM_WAITING_LIST: [(confirm_from_list_admin, "person")],
    Action.CHANGE_DETAILS: [(change_details_form, "person")],
    Action.GIVE_RESERVED_SEAT: [(seat_invited, "phase")],
    Action.RELEASE_RESERVED_SEATS: [(release_seats_page, "phase")],
    Action.SEND_INVITATIONS: [(send_invitations_admin, "phase")],
    Action.REMIND_GUESTS: [(remind_guests_admin, "phase")],
    Action.WITHDRAW_INVITATION: [(withdraw_admin, "phase")],
    Action.ACCEPT_INVITATION: [(accept_link, "phase")],
    Action.DECLINE_INVITATION: [(decline_link, "phase")],
    Action.ADD_DELEGATES: [(add_delegates_admin, "phase")],
    Action.APPLY_FOR_PRESS: [(press_form, "phase")],
    Action.DECIDE_PRESS: [(accredit_admin, "phase")],
    Action.CHECK_IN: [
        (check_in_desk, "person"),
        (check_in_link, "person"),
        (check_in_admin, "person"),
    ],
    Action.UNDO_CHECK_IN: [(undo_desk, "person"), (undo_admin, "person")],
    Action.ISSUE_CERTIFICATE: [
        (certificate_link, "person"),
        (certificates_admin, "event"),
        (certificates_command, "event"),
    ],
    Action.SEND_REMINDER: [(reminders_command, "silent")],
    Action.NOTIFY_AGENDA_CHANGE: [(agenda_published, "silent")],
    Action.SEND_MESSAGE: [(message_admin, "event")],
    Action.SEND_FOLLOW_UP: [(follow_up_admin, "event"), (follow_up_command, "event")],
    Action.GIVE_FEEDBACK: [(feedback_form, "person")],
    Action.SEE_PERSONAL_DATA: [
        (manage_page, "person"),
        (desk_search, "phase"),
        (sign_in_sheet, "phase"),
    ],
    Action.EXPORT: [(export_admin, "event"), (check_in_list, "phase")],
    Action.ANONYMISE: [(anonymise_command, "silent")],
}
ENGLISH_ONLY = {certificates_command, follow_up_command}


CELLS = list(itertools.product(Action, Phase, State))


@pytest.mark.parametrize(
    ("action", "phase", "state"),
    CELLS,
    ids=[
        f"{action.value}-{phase.value}-{state.value}" for action, phase, state in CELLS
    ],
)
def test_every_cell_of_the_table(fixed_event, action, phase, state):
    event, organiser, desk = fixed_event
    language = "bg" if CELLS.index((action, phase, state)) % 2 else "en"
    with time_machine.travel(MOMENTS[phase], tick=False):
        clients = {}
        for name, user in (("organiser", organiser), ("desk", desk)):
            clients[name] = Client()
            clients[name].force_login(user)
            clients[name].user = user
        for door, scope in DOORS[action]:
            Registration.objects.all().delete()
            registration = make_registration(event, state, language)
            cell = Cell(event, registration, language, Client(), **clients)
            spoken = "en" if door in ENGLISH_ONLY else language
            with translation.override(spoken):
                expected = rules.decide(
                    action,
                    event=event,
                    registration=None if scope == "phase" else registration,
                )
                message = expected.message
            done, said = door(cell)

            where = f"{door.__name__} ({spoken})"
            assert done == expected.allowed, f"{where}: {message or 'allowed'}"
            told = said is not None and (
                scope in ("person", "phase") or (scope == "event" and expected.by_phase)
            )
            if not expected.allowed and told:
                assert message in said, f"{where} does not say {message!r}"
