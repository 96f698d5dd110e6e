"""The words of the table: actions, states of a registration, reasons, and
rules (which phases and states allow an action). The table itself is in
table.py."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from conference.phases import Phase


class Action(models.TextChoices):
    REGISTER = "register", _("Register")
    CONFIRM = "confirm", _("Confirm the e-mail address")
    LEAVE_WAITING_LIST = "leave_waiting_list", _("Leave the waiting list")
    CANCEL = "cancel", _("Cancel the registration")
    PROMOTE = "promote", _("Give a freed seat to the next person waiting")
    CONFIRM_FROM_WAITING_LIST = (
        "confirm_from_waiting_list",
        _("Confirm from the waiting list (organisers)"),
    )
    CHANGE_DETAILS = "change_details", _("Change the details")
    GIVE_RESERVED_SEAT = (
        "give_reserved_seat",
        _("Give a reserved seat (invited guest, accredited press)"),
    )
    RELEASE_RESERVED_SEATS = (
        "release_reserved_seats",
        _("Release unused reserved seats to the public"),
    )
    # Invited guests and the press (the invitations app): the guest's own
    # answer (sent, accepted, declined…) is the invitation's state, checked
    # by its service; here, when in the event's life each may be done.
    SEND_INVITATIONS = "send_invitations", _("Send invitations (organisers)")
    REMIND_GUESTS = (
        "remind_guests",
        _("Remind invited guests who have not answered (organisers)"),
    )
    WITHDRAW_INVITATION = (
        "withdraw_invitation",
        _("Withdraw an invitation (organisers)"),
    )
    ACCEPT_INVITATION = "accept_invitation", _("Accept an invitation")
    DECLINE_INVITATION = (
        "decline_invitation",
        _("Decline an invitation, or name a delegate"),
    )
    ADD_DELEGATES = (
        "add_delegates",
        _("Add the delegates named by guests to the guest list (organisers)"),
    )
    APPLY_FOR_PRESS = "apply_for_press", _("Apply for press accreditation")
    DECIDE_PRESS = (
        "decide_press",
        _("Decide on a press accreditation (organisers)"),
    )
    CHECK_IN = "check_in", _("Check in at the desk")
    UNDO_CHECK_IN = "undo_check_in", _("Undo a check-in (organisers)")
    ISSUE_CERTIFICATE = "issue_certificate", _("Issue the certificate of attendance")
    SEND_REMINDER = "send_reminder", _("Send the reminder")
    NOTIFY_AGENDA_CHANGE = (
        "notify_agenda_change",
        _("Notify attendees of a change to the agenda"),
    )
    SEND_MESSAGE = "send_message", _("Send a message from the organisers")
    SEND_FOLLOW_UP = "send_follow_up", _("Send the follow-up e-mail")
    GIVE_FEEDBACK = "give_feedback", _("Give feedback")
    SEE_PERSONAL_DATA = (
        "see_personal_data",
        _("See the personal data (registration page, desk, sign-in sheet, badges)"),
    )
    EXPORT = "export", _("Export registrations")
    ANONYMISE = "anonymise", _("Erase the personal data")


class State(models.TextChoices):
    """Where a registration stands, as the rules see it."""

    PENDING = "pending", _("e-mail not confirmed")
    CONFIRMED = "confirmed", _("confirmed, not checked in")
    CHECKED_IN = "checked_in", _("checked in")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")
    EXPIRED = "expired", _("expired")
    # Not "anonymised": the refusals below mix phases and states as keys of
    # one dict, and a phase has that value (check_table refuses a clash).
    ANONYMISED = "erased", _("personal data erased")


@dataclass(frozen=True)
class Reason:
    """Why not. `today` is said instead on the conference's own date;
    `already` marks a refusal that only means "done before" (a second click)."""

    text: Promise
    today: Promise | None = None
    already: bool = False


def already(text: Promise) -> Reason:
    return Reason(text, already=True)


@dataclass(frozen=True)
class Rule:
    phases: frozenset[Phase]
    states: frozenset[State]
    # Phase and State values may be the same word ("anonymised"): two maps.
    phase_refusals: Mapping[Phase, Reason] = field(default_factory=dict)
    state_refusals: Mapping[State, Reason] = field(default_factory=dict)

    def reason(self, phase: Phase, state: State | None) -> Reason | None:
        """None when allowed. Without a state, only the phase is asked."""
        if phase not in self.phases:
            return self.phase_refusals[phase]
        if state is not None and state not in self.states:
            return self.state_refusals[state]
        return None


def rule(*, phases: Iterable, states: Iterable, refusals: Mapping) -> Rule:
    """A rule whose refusals may name several phases or states at once."""
    by_phase, by_state = {}, {}
    for keys, reason in refusals.items():
        for key in keys if isinstance(keys, tuple) else (keys,):
            (by_phase if isinstance(key, Phase) else by_state)[key] = reason
    return Rule(
        phases=frozenset(phases),
        states=frozenset(states),
        phase_refusals=by_phase,
        state_refusals=by_state,
    )


def check_table(table: Mapping[Action, Rule]) -> list[str]:
    """What is missing or too much in `table`: every action has a rule, every
    refused phase and state a reason, and nothing allowed has one."""
    problems = [f"{action}: no rule" for action in Action if action not in table]
    problems += [
        f"{value}: both a phase and a state"
        for value in set(Phase.values) & set(State.values)
    ]
    for action, entry in table.items():
        for phase in Phase:
            if (phase in entry.phases) == (phase in entry.phase_refusals):
                problems.append(f"{action}/{phase}: allowed and refused, or neither")
        for state in State:
            if (state in entry.states) == (state in entry.state_refusals):
                problems.append(f"{action}/{state}: allowed and refused, or neither")
    return problems
