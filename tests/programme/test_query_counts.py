import datetime

import pytest
from django.contrib.messages.storage.cookie import CookieStorage

from tests.factories import (
    ResultFactory,
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    at,
    publish,
)


def fill_programme(event, sessions):
    """`sessions` sessions of 2 minutes each, in two rooms, each with a speaker
    and a moderator, and as many results with key figures."""
    speakers = SpeakerFactory.create_batch(10)
    start = at(event, 9)
    for index in range(sessions):
        session = SessionFactory(
            event=event,
            room=RoomFactory(event=event, name_bg=f"Зала {index % 2}"),
            starts_at=start + datetime.timedelta(minutes=2 * (index // 2)),
            ends_at=start + datetime.timedelta(minutes=2 * (index // 2) + 2),
        )
        SessionSpeakerFactory(session=session, speaker=speakers[index % 10])
        SessionSpeakerFactory(
            session=session, speaker=speakers[(index + 1) % 10], role="moderator"
        )
        ResultFactory(figure_value_en="×2", figure_label_en="capacity")


# Per page: the current event (read once for the view and the layout), the
# published version of the agenda, and the rows it lists (the sessions the
# agenda has not yet rendered and their speakers; speakers; results); HTML
# pages add the footer partners.
EXPECTED_QUERIES = {
    "/en/agenda/": 5,
    "/bg/speakers/": 4,
    "/en/results/": 3,
    "/en/schedule.json": 4,
    "/bg/agenda.ics": 4,
}


@pytest.mark.django_db
@pytest.mark.parametrize("sessions", [1, 3])
@pytest.mark.parametrize(("url", "expected"), EXPECTED_QUERIES.items())
def test_programme_page_query_count_is_flat(
    client, day_event, django_assert_num_queries, sessions, url, expected
):
    fill_programme(day_event, sessions)

    publish(day_event)
    with django_assert_num_queries(expected):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.django_db
def test_programme_pages_of_a_large_programme_make_the_same_queries(
    client, day_event, django_assert_num_queries
):
    fill_programme(day_event, 100)

    publish(day_event)
    for url, expected in EXPECTED_QUERIES.items():
        with django_assert_num_queries(expected):
            response = client.get(url)

        assert response.status_code == 200


@pytest.mark.parametrize("sessions", [5, 200])
def test_agenda_the_page_cache_does_not_hold_reuses_rendered_sessions(
    client, day_event, django_assert_num_queries, sessions
):
    fill_programme(day_event, sessions)
    publish(day_event)
    first = client.get("/en/agenda/")

    # A visitor with a pending message: the page cache renders the page afresh.
    client.cookies[CookieStorage.cookie_name] = "pending"
    with django_assert_num_queries(3):  # event, published version, partners
        again = client.get("/en/agenda/")

    assert again.content.count(b'<article class="agenda-session ') == sessions
    assert again.content.count(b"<article") == first.content.count(b"<article")
