import pytest
from django.utils import translation

from programme.checklist import go_live_checklist
from programme.warnings import WarningKind, agenda_warnings, session_warnings
from registrations.models import RegistrationStatus
from tests.factories import (
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    at,
)


def kinds(event):
    return [warning.kind for warning in agenda_warnings(event)]


@pytest.mark.django_db
def test_a_good_day_has_no_warnings(day_event):
    speaker = SpeakerFactory()
    for hour in (9, 10, 11):
        session = SessionFactory(
            event=day_event,
            starts_at=at(day_event, hour),
            ends_at=at(day_event, hour, 50),
        )
        SessionSpeakerFactory(session=session, speaker=speaker)

    assert agenda_warnings(day_event) == []


@pytest.mark.django_db
def test_the_same_speaker_in_two_overlapping_sessions_is_named(day_event):
    speaker = SpeakerFactory(name_en="Maria Ivanova", name_bg="Мария Иванова")
    first = SessionFactory(
        event=day_event,
        title_en="Panel A",
        room=RoomFactory(event=day_event, name_bg="Зала А"),
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 11, 30),
    )
    second = SessionFactory(
        event=day_event,
        title_en="Panel B",
        room=RoomFactory(event=day_event, name_bg="Зала Б"),
        starts_at=at(day_event, 11),
        ends_at=at(day_event, 12),
    )
    SessionSpeakerFactory(session=first, speaker=speaker)
    SessionSpeakerFactory(session=second, speaker=speaker)

    with translation.override("en"):
        [warning] = agenda_warnings(day_event)
        messages = session_warnings(second)
    assert warning.kind == WarningKind.SPEAKER_OVERLAP
    assert warning.message == (
        "Maria Ivanova speaks in “Panel A” (20 September 2027, 10:30–11:30) and "
        "in “Panel B” (20 September 2027, 11:00–12:00) at the same time."
    )
    assert set(warning.session_ids) == {first.pk, second.pk}
    assert messages == [
        "Maria Ivanova speaks in “Panel B” (20 September 2027, 11:00–12:00) and "
        "in “Panel A” (20 September 2027, 10:30–11:30) at the same time."
    ]


@pytest.mark.django_db
def test_unsaved_session_is_checked_with_the_speakers_passed(day_event):
    speaker = SpeakerFactory()
    booked = SessionFactory(
        event=day_event, starts_at=at(day_event, 10), ends_at=at(day_event, 11)
    )
    SessionSpeakerFactory(session=booked, speaker=speaker)
    candidate = SessionFactory.build(
        event=day_event,
        room=None,
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 11, 30),
    )

    assert session_warnings(candidate) == []
    assert len(session_warnings(candidate, speaker_ids=[speaker.pk])) == 1


@pytest.mark.django_db
def test_session_outside_the_hours_and_longer_than_the_day(day_event):
    SessionFactory(
        event=day_event,
        title_en="Dinner",
        starts_at=at(day_event, 19),
        ends_at=at(day_event, 21),
    )
    SessionFactory(
        event=day_event,
        title_en="Marathon",
        room=RoomFactory(event=day_event, name_bg="Зала 2"),
        starts_at=at(day_event, 8),
        ends_at=at(day_event, 18),
    )

    with translation.override("en"):
        messages = [warning.message for warning in agenda_warnings(day_event)]
    with translation.override("bg"):
        bulgarian = [warning.message for warning in agenda_warnings(day_event)]
    assert (
        "“Dinner” (20 September 2027, 19:00–21:00) is outside the conference’s "
        "hours, 20 September 2027, 09:00–17:00." in messages
    )
    assert (
        "“Marathon” (20 September 2027, 08:00–18:00) lasts 10 hours, longer than "
        "the conference day (8 hours)." in messages
    )
    assert kinds(day_event).count(WarningKind.OUTSIDE_HOURS) == 2
    assert all("„" in message for message in bulgarian)
    # Every warning names the day, in the admin's language.
    assert all("20 September 2027" in message for message in messages)
    assert all("20 септември 2027 г." in message for message in bulgarian)


@pytest.mark.django_db
def test_room_over_capacity_counts_every_attendee_for_a_plenary(day_event):
    small = RoomFactory(event=day_event, name_bg="Малка зала", capacity=2)
    RegistrationFactory.create_batch(
        3, event=day_event, status=RegistrationStatus.CONFIRMED
    )
    RegistrationFactory(event=day_event, status=RegistrationStatus.WAITLISTED)
    plenary = SessionFactory(
        event=day_event,
        title_en="Plenary",
        room=small,
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 11),
    )

    with translation.override("en"):
        [warning] = agenda_warnings(day_event)
    assert warning.kind == WarningKind.OVER_CAPACITY
    assert "expects 3 people" in warning.message
    assert "seats 2" in warning.message

    # Two sessions side by side share the attendees: 2 each fit.
    SessionFactory(
        event=day_event,
        room=RoomFactory(event=day_event, name_bg="Голяма зала"),
        starts_at=plenary.starts_at,
        ends_at=plenary.ends_at,
    )
    assert agenda_warnings(day_event) == []


@pytest.mark.django_db
def test_checklist_lists_the_agenda_warnings(day_event):
    SessionFactory(
        event=day_event,
        title_en="Dinner",
        starts_at=at(day_event, 19),
        ends_at=at(day_event, 21),
    )

    with translation.override("en"):
        items = go_live_checklist()

    [item] = [item for item in items if "outside the conference’s hours" in item.text]
    assert item.url.startswith("/en/admin/programme/session/")
