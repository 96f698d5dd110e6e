"""The day grid's endpoint: moves and resizes posted as the grid's script
posts them, checked by the session form's rules."""

import re
import threading

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.translation import override

from programme.services import SessionChanged, reschedule_session, session_token
from tests.factories import (
    EventFactory,
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    UserFactory,
    at,
)
from tests.programme.grid_requests import local, post_move


def test_grid_move_to_another_time_and_room_is_saved(organiser_client, opening, halls):
    old_token = session_token(opening)

    response = post_move(
        organiser_client, opening, start="11:30", end="12:15", room=halls[1].pk
    )

    assert response.status_code == 200
    body = response.json()
    opening.refresh_from_db()
    assert (local(opening.starts_at), local(opening.ends_at)) == ("11:30", "12:15")
    assert opening.room == halls[1]
    assert body["message"] == "Saved: “Opening”, 11:30–12:15, Hall 2."
    assert body["session"]["token"] == session_token(opening) != old_token
    assert body["session"]["room"] == halls[1].pk
    assert body["warnings"] == []


def test_grid_resize_changes_only_the_end(organiser_client, opening, halls):
    response = post_move(organiser_client, opening, end="11:20")

    assert response.status_code == 200
    opening.refresh_from_db()
    assert (local(opening.starts_at), local(opening.ends_at)) == ("10:00", "11:20")
    assert opening.room == halls[0]
    assert response.json()["session"]["time_label"] == "10:00–11:20"


def test_grid_takes_a_duration_instead_of_an_end(organiser_client, opening):
    response = post_move(
        organiser_client, opening, start="14:05", end=None, duration=50
    )

    assert response.status_code == 200
    opening.refresh_from_db()
    assert (local(opening.starts_at), local(opening.ends_at)) == ("14:05", "14:55")


def test_grid_moves_a_session_out_of_its_room_and_back(
    organiser_client, opening, halls
):
    response = post_move(organiser_client, opening, room="")
    assert response.status_code == 200
    assert (
        response.json()["message"] == "Saved: “Opening”, 10:00–10:45, without a room."
    )
    opening.refresh_from_db()
    assert opening.room is None

    response = post_move(organiser_client, opening, room=halls[1].pk)
    assert response.status_code == 200
    opening.refresh_from_db()
    assert opening.room == halls[1]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "“Opening” already takes place in this room from 10:00 to 10:45."),
        ("bg", "В тази зала вече се провежда „Откриване“ от 10:00 до 10:45 ч."),
    ],
)
def test_grid_refuses_an_overlap_in_the_same_room(
    organiser_client, opening, day_event, halls, language, expected
):
    panel = SessionFactory(
        event=day_event,
        room=halls[1],
        starts_at=at(day_event, 12),
        ends_at=at(day_event, 13),
    )

    response = post_move(
        organiser_client, panel, language, start="10:30", end="11:30", room=halls[0].pk
    )

    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert expected in body["message"]
    # The grid puts the session back where it still is.
    assert body["session"]["room"] == halls[1].pk
    assert body["session"]["time_label"] == "12:00–13:00"
    panel.refresh_from_db()
    assert panel.room == halls[1]
    assert local(panel.starts_at) == "12:00"


def test_grid_allows_a_session_to_start_when_the_other_ends(
    organiser_client, opening, day_event, halls
):
    panel = SessionFactory(
        event=day_event,
        room=halls[1],
        starts_at=at(day_event, 12),
        ends_at=at(day_event, 13),
    )

    response = post_move(
        organiser_client, panel, start="10:45", end="11:30", room=halls[0].pk
    )

    assert response.status_code == 200


def test_grid_refuses_an_end_before_the_start(organiser_client, opening):
    with override("en"):
        response = post_move(organiser_client, opening, start="11:00", end="10:30")

    assert response.status_code == 400
    assert response.json()["message"] == "The session must end after it starts."


def test_grid_warns_of_a_speaker_in_two_rooms_at_once(
    organiser_client, opening, day_event, halls
):
    speaker = SpeakerFactory(name_bg="Мария Петрова", name_en="Maria Petrova")
    panel = SessionFactory(
        event=day_event,
        title_en="Panel",
        room=halls[1],
        starts_at=at(day_event, 12),
        ends_at=at(day_event, 13),
    )
    SessionSpeakerFactory(session=opening, speaker=speaker)
    SessionSpeakerFactory(session=panel, speaker=speaker)

    response = post_move(organiser_client, panel, start="10:30", end="11:30")

    assert response.status_code == 200
    warnings = response.json()["warnings"]
    assert any("Maria Petrova" in warning for warning in warnings), warnings
    panel.refresh_from_db()
    assert local(panel.starts_at) == "10:30"


def test_grid_warns_of_a_session_outside_the_event_hours(organiser_client, opening):
    response = post_move(organiser_client, opening, start="17:30", end="18:15")

    assert response.status_code == 200
    warnings = response.json()["warnings"]
    assert len(warnings) == 1
    assert "17:00" in warnings[0]


def test_grid_shows_no_warning_for_a_session_within_the_hours(
    organiser_client, opening
):
    response = post_move(organiser_client, opening, start="16:00", end="17:00")

    assert response.json()["warnings"] == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Someone else changed “Opening” in the meantime: "
            "it is now at 15:00–15:30, Hall 2.",
        ),
        (
            "bg",
            "Междувременно някой друг промени „Откриване“: "
            "сега сесията е от 15:00 до 15:30 ч., Зала 2.",
        ),
    ],
)
def test_grid_refuses_a_change_made_on_an_outdated_page(
    client, organiser, opening, halls, language, expected
):
    seen_by_first = session_token(opening)
    colleague = UserFactory(username="colleague", is_superuser=True)
    client.force_login(colleague)
    assert (
        post_move(
            client, opening, start="15:00", end="15:30", room=halls[1].pk
        ).status_code
        == 200
    )

    client.force_login(organiser)
    response = post_move(
        client, opening, language, start="09:00", end="09:45", token=seen_by_first
    )

    assert response.status_code == 409
    body = response.json()
    assert body["message"].startswith(expected)
    assert body["session"]["time_label"] == "15:00–15:30"
    assert body["session"]["room"] == halls[1].pk
    opening.refresh_from_db()
    assert local(opening.starts_at) == "15:00"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_reschedule_session_lets_one_of_two_simultaneous_changes_through():
    event = EventFactory()
    hall = RoomFactory(event=event)
    session = SessionFactory(event=event, room=hall)
    token = session_token(session)
    barrier = threading.Barrier(2)
    outcomes = []

    def move(hour):
        try:
            barrier.wait()
            reschedule_session(
                session=session,
                starts_at=at(event, hour),
                ends_at=at(event, hour, 30),
                room=hall,
                expected_token=token,
            )
            outcomes.append("saved")
        except SessionChanged:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(hour,)) for hour in (11, 14)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict", "saved"]
    session.refresh_from_db()
    assert local(session.starts_at) in {"11:00", "14:00"}


BAD_INPUT = [
    {"session": "abc"},
    {"session": "999999"},
    {"session": "99999999999999999999999"},
    {"session": None},
    {"session": "-3"},
    {"start": "25:00"},
    {"start": "ten"},
    {"start": None},
    {"start": ""},
    {"end": "10:99"},
    {"end": None},
    {"end": None, "duration": "abc"},
    {"end": None, "duration": "-5"},
    {"end": None, "duration": "100000"},
    {"end": None, "duration": "47"},
    {"room": "abc"},
    {"room": "0"},
    {"room": "424242"},
    {"token": None},
    {"token": "x" * 500},
]


@pytest.mark.parametrize("fields", BAD_INPUT)
def test_grid_answers_bad_input_with_a_translated_message(
    organiser_client, opening, fields
):
    answers = {}
    for language in ("en", "bg"):
        response = post_move(organiser_client, opening, language, **fields)
        assert response.status_code == 400, response.content
        body = response.json()
        assert body["ok"] is False
        answers[language] = body["message"]

    assert answers["en"] and answers["bg"]
    assert answers["en"] != answers["bg"]
    assert re.search("[а-я]", answers["bg"])
    opening.refresh_from_db()
    assert local(opening.starts_at) == "10:00"


def test_grid_refuses_a_room_of_another_event(organiser_client, opening):
    elsewhere = RoomFactory(event=EventFactory(is_current=False), name_en="Elsewhere")

    response = post_move(organiser_client, opening, room=elsewhere.pk)

    assert response.status_code == 400
    assert response.json()["message"] == "There is no such room for this event."
    opening.refresh_from_db()
    assert opening.room_id != elsewhere.pk


@pytest.mark.django_db
def test_a_session_in_every_room_moves_in_time_only(organiser_client, day_event, halls):
    coffee = SessionFactory(
        event=day_event,
        title_en="Coffee break",
        kind="break",
        room=None,
        in_every_room=True,
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 11),
    )

    moved = post_move(organiser_client, coffee, start="15:00", end="15:30", room="")
    into_a_room = post_move(
        organiser_client,
        coffee,
        start="16:00",
        end="16:30",
        room=halls[0].pk,
        token=moved.json()["session"]["token"],
    )

    assert moved.status_code == 200
    assert moved.json()["session"]["room"] == "all"
    assert into_a_room.status_code == 400
    assert into_a_room.json()["message"] == (
        "A session in every room has no room of its own."
    )
    coffee.refresh_from_db()
    assert coffee.in_every_room and coffee.room is None
    assert timezone.localtime(coffee.starts_at).strftime("%H:%M") == "15:00"
