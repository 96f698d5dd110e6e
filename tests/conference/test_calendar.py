import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

SOFIA = ZoneInfo("Europe/Sofia")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [("bg", "Заключителна конференция"), ("en", "Closing Conference")],
)
def test_conference_ics_parses_with_local_times(client, event, language, title):
    event.date = datetime.date(2027, 9, 20)
    event.save()

    response = client.get(f"/{language}/conference.ics")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == title
    assert entry.decoded("DTSTART") == datetime.datetime(
        2027, 9, 20, 9, 0, tzinfo=SOFIA
    )
    assert entry.decoded("DTEND") == datetime.datetime(2027, 9, 20, 17, 0, tzinfo=SOFIA)
    assert entry["DTSTART"].params["TZID"] == "Europe/Sofia"
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Sofia"
