import datetime

import pytest

from tests.factories import (
    ResultFactory,
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
            room_en=f"Hall {index % 2}",
            room_bg=f"Зала {index % 2}",
            starts_at=start + datetime.timedelta(minutes=2 * (index // 2)),
            ends_at=start + datetime.timedelta(minutes=2 * (index // 2) + 2),
        )
        SessionSpeakerFactory(session=session, speaker=speakers[index % 10])
        SessionSpeakerFactory(
            session=session, speaker=speakers[(index + 1) % 10], role="moderator"
        )
        ResultFactory(figure_value_en="×2", figure_label_en="capacity")


# Per page: the current event and the rows it lists (sessions and their
# speakers, speakers, results); HTML pages add the base template's current
# event and footer partners; pages of the agenda add the published version.
EXPECTED_QUERIES = {
    "/en/agenda/": 6,
    "/bg/speakers/": 5,
    "/en/results/": 4,
    "/en/schedule.json": 4,
    "/bg/agenda.ics": 4,
}


@pytest.mark.django_db
@pytest.mark.parametrize("sessions", [5, 200])
@pytest.mark.parametrize(("url", "expected"), EXPECTED_QUERIES.items())
def test_programme_page_query_count_is_flat(
    client, day_event, django_assert_num_queries, sessions, url, expected
):
    fill_programme(day_event, sessions)

    publish(day_event)
    with django_assert_num_queries(expected):
        response = client.get(url)

    assert response.status_code == 200
