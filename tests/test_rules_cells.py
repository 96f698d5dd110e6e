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

import itertools
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client
from django.utils import translation

from conference.phases import Phase
from registrations import rules
from registrations.models import (
    Registration,
    RegistrationStatus,
)
from registrations.rules import Action, State
from tests.moments import MOMENTS, make_registration
from tests.rules_doors.after_event_doors import (
    certificate_link,
    certificates_admin,
    certificates_command,
    feedback_form,
    follow_up_admin,
    follow_up_command,
)
from tests.rules_doors.cell import Cell, SignedIn
from tests.rules_doors.check_in_doors import (
    check_in_admin,
    check_in_desk,
    check_in_link,
    undo_admin,
    undo_desk,
)
from tests.rules_doors.invitation_doors import (
    accept_link,
    accredit_admin,
    add_delegates_admin,
    decline_link,
    press_form,
    release_seats_page,
    remind_guests_admin,
    seat_invited,
    send_invitations_admin,
    withdraw_admin,
)
from tests.rules_doors.notice_doors import (
    agenda_published,
    message_admin,
    reminders_command,
)
from tests.rules_doors.personal_data_doors import (
    anonymise_command,
    check_in_list,
    desk_search,
    export_admin,
    manage_page,
    sign_in_sheet,
)
from tests.rules_doors.registration_doors import (
    cancel_admin,
    change_details_form,
    confirm_from_list_admin,
    confirmed_now,
    link_post,
    promote_by_capacity,
    register_form,
    status_became,
)

pytestmark = pytest.mark.django_db


# Who is told what: "person" doors say every refusal; "event" doors (a page
# or command for everyone) say why not now, and leave out those it is not
# for; "phase" doors ask for the event only; "silent" doors tell nobody.
DOORS: dict[Action, list[tuple[Callable, str]]] = {
    Action.REGISTER: [(register_form, "phase")],
    Action.CONFIRM: [
        (link_post("confirm/", confirmed_now), "person"),
    ],
    Action.LEAVE_WAITING_LIST: [
        (
            link_post(
                "leave-waiting-list/", status_became(RegistrationStatus.CANCELLED)
            ),
            "person",
        )
    ],
    Action.CANCEL: [
        (link_post("cancel/", status_became(RegistrationStatus.CANCELLED)), "person"),
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
        signed_in = SignedIn(organiser=organiser, desk=desk)
        for door, scope in DOORS[action]:
            Registration.objects.all().delete()
            registration = make_registration(event, state, language)
            cell = Cell(event, registration, language, Client(), signed_in)
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
