"""Nothing the pages show as “to be announced” reaches the data formats: the
schedule JSON, the calendar files and the schema.org data leave out the
hours, rooms and sessions that are not confirmed (issue 20)."""

import datetime
import json

import icalendar
import pytest

from conference.models import Event
from tests.programme.test_exports import json_ld

pytestmark = pytest.mark.django_db


def schedule(client, language="bg"):
    return client.get(f"/{language}/schedule.json").json()


def test_draft_agenda_and_unconfirmed_hours_reach_no_format(client, real_content):
    event = Event.objects.current()
    assert event.times_are_provisional  # the loaded content: hours unknown

    data = schedule(client)
    day = data["schedule"]["conference"]["days"][0]
    calendar = icalendar.Calendar.from_ical(client.get("/bg/conference.ics").content)
    agenda = client.get("/bg/agenda.ics").content.decode()
    home = json_ld(client.get("/bg/").content.decode())
    session_page = client.get("/bg/agenda/opening/").content.decode()

    # The schedule: no session, the whole day rather than the unconfirmed hours.
    assert day["rooms"] == {}
    assert day["day_start"].endswith("T00:00:00+03:00")
    assert day["day_end"].startswith(
        (event.date + datetime.timedelta(days=1)).isoformat()
    )
    assert "09:00" not in json.dumps(data) and "17:00" not in json.dumps(data)
    # The calendar files: the conference as a whole-day entry, no sessions.
    (entry,) = calendar.walk("VEVENT")
    assert entry.decoded("DTSTART") == event.date
    assert "BEGIN:VEVENT" not in agenda
    assert client.get("/bg/agenda/opening.ics").status_code == 404
    # schema.org: only the day; a session's page carries none while its time
    # is “to be announced” there.
    assert home["startDate"] == event.date.isoformat()
    assert "предстои да бъде обявен" in session_page
    assert "application/ld+json" not in session_page


def test_published_sessions_keep_the_conferences_unconfirmed_hours_out(
    client, published_content
):
    event = Event.objects.current()
    event.start_time = datetime.time(8, 0)  # not confirmed: the box stays ticked
    event.save()

    day = schedule(client, "en")["schedule"]["conference"]["days"][0]
    session = json_ld(client.get("/en/agenda/opening/").content.decode())

    # The published sessions give the day's bounds, not the 08:00 nobody confirmed.
    assert day["day_start"].endswith("T09:00:00+03:00")
    assert session["startDate"].endswith("T09:30:00+03:00")
    assert session["superEvent"]["startDate"] == event.date.isoformat()


def test_confirmed_hours_are_given_everywhere(client, published_content):
    event = Event.objects.current()
    event.times_are_provisional = False
    event.start_time = datetime.time(8, 30)
    event.save()

    day = schedule(client, "en")["schedule"]["conference"]["days"][0]
    session = json_ld(client.get("/en/agenda/opening/").content.decode())
    home = json_ld(client.get("/en/").content.decode())

    assert day["day_start"].endswith("T08:30:00+03:00")
    assert session["superEvent"]["startDate"].endswith("T08:30:00+03:00")
    assert home["startDate"].endswith("T08:30:00+03:00")


def test_a_session_without_a_room_is_placed_at_the_venue_only(
    client, published_content
):
    opening = schedule(client)["schedule"]["conference"]["days"][0]["rooms"]
    calendar = icalendar.Calendar.from_ical(
        client.get("/bg/agenda/opening.ics").content
    )
    (entry,) = calendar.walk("VEVENT")

    assert list(opening) == ["Хотел „КООП“"]
    assert str(entry["LOCATION"]).startswith("Хотел „КООП“")
    assert "зала" not in str(entry["LOCATION"]).lower()
