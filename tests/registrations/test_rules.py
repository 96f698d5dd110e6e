"""The table of registrations.rules itself: complete, shown to organisers as
the code has it, its states recognised the same way one by one and in lists,
its reasons written out in both languages."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone, translation

from conference.phases import Phase, event_phase
from registrations import rules
from registrations.management.commands.rules_table import DOCUMENTS
from registrations.models import Registration, RegistrationStatus
from registrations.rules import TABLE, Action, State
from registrations.rules.markdown import replace_table
from registrations.rules.table import check_table
from tests.factories import EventFactory, RegistrationFactory

ROOT = Path(__file__).resolve().parent.parent.parent
SOFIA = timezone.get_default_timezone()
DAY = datetime.date(2027, 9, 20)


def sofia(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=SOFIA)


def test_the_table_has_a_rule_for_every_action_phase_and_state():
    assert check_table(TABLE) == []
    assert (len(Action), len(Phase), len(State)) == (28, 8, 7)


def test_a_gap_in_the_table_is_found():
    broken = dict(TABLE)
    del broken[Action.CHECK_IN]
    rule = TABLE[Action.CANCEL]
    broken[Action.CANCEL] = rules.Rule(
        phases=rule.phases,
        states=rule.states,
        phase_refusals=rule.phase_refusals,
        state_refusals={},
    )

    problems = check_table(broken)

    assert "check_in: no rule" in problems
    assert "cancel/checked_in: allowed and refused, or neither" in problems


@pytest.mark.parametrize(("document", "language"), DOCUMENTS.items())
def test_the_documents_show_the_table_as_the_code_has_it(document, language):
    text = (ROOT / document).read_text(encoding="utf-8")

    assert replace_table(text, language) == text, (
        f"{document} differs from the code: run manage.py rules_table --write"
    )


@pytest.mark.parametrize("language", ["bg", "en"])
def test_every_reason_is_written_in_both_languages(language):
    """Each reason in Bulgarian differs from its English (it is translated),
    and keeps the placeholders it needs."""
    reasons = {
        reason
        for rule in TABLE.values()
        for reason in [*rule.phase_refusals.values(), *rule.state_refusals.values()]
    }
    for reason in reasons:
        for text in filter(None, (reason.text, reason.today)):
            with translation.override("en"):
                english = str(text)
            with translation.override("bg"):
                bulgarian = str(text)
            assert bulgarian != english, english
            for name in ("date", "desk_time", "end_time", "erased_date", "status"):
                assert (f"%({name})s" in english) == (f"%({name})s" in bulgarian)


@pytest.mark.django_db
def test_a_state_is_recognised_alike_one_by_one_and_in_a_list():
    event = EventFactory()
    people = {
        State.PENDING: RegistrationFactory(event=event),
        State.CONFIRMED: RegistrationFactory(
            event=event, status=RegistrationStatus.CONFIRMED
        ),
        State.CHECKED_IN: RegistrationFactory(
            event=event,
            status=RegistrationStatus.CONFIRMED,
            checked_in_at=timezone.now(),
        ),
        State.WAITLISTED: RegistrationFactory(
            event=event, status=RegistrationStatus.WAITLISTED
        ),
        State.CANCELLED: RegistrationFactory(
            event=event, status=RegistrationStatus.CANCELLED
        ),
        State.EXPIRED: RegistrationFactory(
            event=event, status=RegistrationStatus.EXPIRED
        ),
        State.ANONYMISED: RegistrationFactory(
            event=event,
            status=RegistrationStatus.CONFIRMED,
            anonymised_at=timezone.now(),
        ),
    }

    for state, registration in people.items():
        assert rules.state_of(registration) == state
        found = Registration.objects.filter(rules.state_filter([state]))
        assert list(found) == [registration], state
    assert not Registration.objects.filter(rules.state_filter([])).exists()


@pytest.fixture
def day_event(db):
    return EventFactory(
        date=DAY,
        doors_open_time=datetime.time(9, 0),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(17, 0),
    )


@pytest.mark.parametrize(
    ("at", "english", "bulgarian"),
    [
        (
            sofia(DAY, 8, 59),
            "Check-in opens today at 09:00.",
            "Регистрацията на входа започва днес в 09:00 ч.",
        ),
        (
            sofia(DAY - datetime.timedelta(days=20), 12),
            "Check-in opens on 20 September 2027 at 09:00.",
            "Регистрацията на входа започва на 20 септември 2027 г. в 09:00 ч.",
        ),
        (
            sofia(DAY + datetime.timedelta(days=1), 0),
            "Check-in closed at the end of the conference day, 20 September 2027.",
            "Регистрацията на входа приключи в края на деня на конференцията – "
            "20 септември 2027 г.",
        ),
    ],
    ids=["08:59 on the day", "weeks before", "midnight after"],
)
def test_check_in_says_when_it_opens_or_closed(day_event, at, english, bulgarian):
    decision = rules.decide(Action.CHECK_IN, event=day_event, at=at)

    assert not decision.allowed
    with translation.override("en"):
        assert decision.message == english
    with translation.override("bg"):
        assert decision.message == bulgarian


def test_the_desk_may_open_early_on_the_day_only(day_event):
    day_event.check_in_opens_before = 30

    assert rules.decide(Action.CHECK_IN, event=day_event, at=sofia(DAY, 8, 30)).allowed
    assert not rules.decide(
        Action.CHECK_IN, event=day_event, at=sofia(DAY, 8, 29)
    ).allowed
    # Registration closes when the desk opens, at the latest.
    assert event_phase(day_event, sofia(DAY, 8, 29)).registration_open
    assert not event_phase(day_event, sofia(DAY, 8, 30)).registration_open
    day_event.check_in_opens_before = 24 * 60
    assert event_phase(day_event, sofia(DAY, 0, 0)).phase == Phase.DESK_OPEN
    assert (
        event_phase(day_event, sofia(DAY - datetime.timedelta(days=1), 23, 59)).phase
        != Phase.DESK_OPEN
    )


def test_every_moment_gets_the_answer_of_its_phase(day_event):
    """By construction: a decision reads only the phase, so any minute of the
    year answers as its phase's column does."""
    start = sofia(DAY - datetime.timedelta(days=3), 0)
    for minutes in range(0, 6 * 24 * 60, 37):
        at = start + datetime.timedelta(minutes=minutes)
        phase = event_phase(day_event, at).phase
        for action in Action:
            decision = rules.decide(action, event=day_event, at=at)
            assert decision.allowed == (phase in TABLE[action].phases)
