"""The day grid's page itself, and the plain form that works without the
script."""

import html
import re

import pytest

from programme.services import session_token
from tests.factories import (
    EventFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    at,
)
from tests.programme.grid_requests import grid_url, local, move_url


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["Day grid", "Hall 1", "Hall 2", "Opening", "Without a room", "Alt+↑"]),
        (
            "bg",
            [
                "Дневен ред по зали",
                "Зала 1",
                "Зала 2",
                "Откриване",
                "Без зала",
                "Alt+↑",
            ],
        ),
    ],
)
def test_grid_page_shows_rooms_and_sessions_in_the_admins_language(
    organiser_client, opening, language, texts
):
    speaker = SpeakerFactory(name_bg="Иван Иванов", name_en="Ivan Ivanov")
    SessionSpeakerFactory(session=opening, speaker=speaker)

    response = organiser_client.get(grid_url(language))

    assert response.status_code == 200
    page = response.content.decode()
    for text in texts:
        assert text in page
    assert ("Иван Иванов" if language == "bg" else "Ivan Ivanov") in page
    assert 'data-start="600"' in page and 'data-end="645"' in page
    # Rooms in their order, after the side list.
    assert page.index(texts[1]) < page.index(texts[2])


def test_grid_page_lists_a_session_without_a_room_aside(
    organiser_client, day_event, halls
):
    SessionFactory(event=day_event, title_en="Coffee break", room=None)

    page = organiser_client.get(grid_url()).content.decode()

    aside = page[page.index("grid-unscheduled") : page.index("grid-times")]
    assert "Coffee break" in aside


def test_grid_page_covers_the_event_hours_and_sessions_outside_them(
    organiser_client, day_event, halls
):
    SessionFactory(
        event=day_event,
        room=halls[0],
        starts_at=at(day_event, 19),
        ends_at=at(day_event, 21),
    )

    page = organiser_client.get(grid_url()).content.decode()

    # 09:00–17:00 with an hour either side, stretched to the late session.
    assert 'data-first-minute="480"' in page
    assert 'data-last-minute="1260"' in page


def test_grid_is_linked_from_the_sessions_and_the_admin_home(organiser_client, opening):
    for url in ("/en/admin/programme/session/", "/en/admin/"):
        page = organiser_client.get(url).content.decode()
        assert f'href="{grid_url()}"' in page, url


def test_grid_plain_form_saves_and_comes_back_with_a_message(
    organiser_client, opening, halls
):
    data = {
        "session": opening.pk,
        "start": "13:00",
        "end": "13:40",
        "room": halls[1].pk,
        "token": session_token(opening),
    }

    response = organiser_client.post(move_url("bg"), data, follow=True)

    assert response.redirect_chain[-1][0].startswith(grid_url("bg"))
    assert "Запазено: „Откриване“, 13:00–13:40 ч., Зала 2." in response.content.decode()
    opening.refresh_from_db()
    assert local(opening.starts_at) == "13:00"


def test_grid_plain_form_shows_a_refusal(organiser_client, opening, halls):
    data = {"session": opening.pk, "start": "13:00", "end": "nonsense", "token": "x"}

    response = organiser_client.post(move_url(), data, follow=True)

    assert response.status_code == 200
    assert "Give the end time as hours and minutes" in response.content.decode()


def test_grid_page_queries_do_not_grow_with_the_sessions(
    organiser_client, day_event, halls, count_queries
):
    def add_sessions(hour):
        for room in halls:
            session = SessionFactory(
                event=day_event,
                room=room,
                starts_at=at(day_event, hour),
                ends_at=at(day_event, hour, 30),
            )
            SessionSpeakerFactory(session=session)

    add_sessions(10)
    few = count_queries(organiser_client, grid_url())
    for hour in (11, 12, 13, 14):
        add_sessions(hour)
    many = count_queries(organiser_client, grid_url())

    assert many == few


def test_grid_page_shows_the_warnings_on_the_block_and_above_the_grid(
    organiser_client, day_event, halls
):
    late = SessionFactory(
        event=day_event,
        title_en="Reception",
        room=halls[0],
        starts_at=at(day_event, 19),
        ends_at=at(day_event, 21),
    )

    page = html.unescape(organiser_client.get(grid_url()).content.decode())

    warning = (
        "“Reception” (20 September 2027, 19:00–21:00) is outside the conference’s hours"
    )
    box = page[page.index("data-grid-warnings") : page.index("data-agenda-grid")]
    assert warning in box
    block = re.search(
        rf'<a [^>]*id="grid-session-{late.pk}"[^>]*>(.*?)</a>', page, re.S
    )
    assert "has-warnings" in block.group(0)
    assert warning in block.group(1)


@pytest.mark.parametrize(
    "chosen", ["abc", "99999999999999999999", "-1", "424242", "²", "١"]
)
def test_grid_page_shows_the_current_event_for_a_bad_choice(
    organiser_client, opening, chosen
):
    response = organiser_client.get(grid_url(), {"event": chosen})

    assert response.status_code == 200
    assert "Opening" in response.content.decode()


def test_grid_page_shows_the_chosen_event(organiser_client, opening):
    other = EventFactory(is_current=False, short_title_en="Workshop day")
    SessionFactory(event=other, title_en="Workshop on shelters")

    page = organiser_client.get(grid_url(), {"event": other.pk}).content.decode()

    assert "Workshop on shelters" in page
    assert 'data-title="Opening"' not in page


@pytest.mark.parametrize("provisional", [True, False])
def test_grid_page_says_when_the_event_hours_are_not_confirmed(
    organiser_client, opening, day_event, provisional
):
    day_event.times_are_provisional = provisional
    day_event.save()

    pages = {
        language: organiser_client.get(grid_url(language)).content.decode()
        for language in ("en", "bg")
    }

    note = "These hours are not confirmed yet"
    assert (note in pages["en"]) is provisional
    assert ("Тези часове още не са потвърдени" in pages["bg"]) is provisional


@pytest.mark.django_db
def test_grid_draws_a_break_in_every_room_across_the_rooms(
    organiser_client, day_event, halls
):
    SessionFactory(
        event=day_event,
        title_en="Coffee break",
        kind="break",
        room=None,
        in_every_room=True,
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 11),
    )

    page = organiser_client.get(grid_url()).content.decode()

    layer = page[
        page.index("data-grid-every-room") : page.index("grid-column grid-room")
    ]
    assert 'data-title="Coffee break"' in layer
    assert 'data-room="all"' in layer
    unscheduled = page[page.index('id="grid-room-none"') : page.index("grid-times")]
    assert "Coffee break" not in unscheduled
    # Its row below the grid changes its time only: it is in every room.
    row = page[page.index('<tr id="session-form-') :]
    assert "In every room" in row
