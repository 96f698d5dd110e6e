import datetime
import json
import re
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import icalendar
import jsonschema
import pytest

from tests.factories import SessionFactory, SessionSpeakerFactory, at, publish

SOFIA = ZoneInfo("Europe/Sofia")
SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "programme/schemas/schedule.schema.json"
    ).read_text()
)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"), [("bg", "Откриване"), ("en", "Opening")]
)
def test_session_ics_parses_with_local_times(client, day_event, language, title):
    SessionFactory(
        event=day_event,
        slug="opening",
        title_bg="Откриване",
        title_en="Opening",
        starts_at=at(day_event, 9, 30),
        ends_at=at(day_event, 10, 15),
    )

    publish(day_event)
    response = client.get(f"/{language}/agenda/opening.ics")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == title
    assert entry.decoded("DTSTART") == datetime.datetime(
        2027, 9, 20, 9, 30, tzinfo=SOFIA
    )
    assert entry.decoded("DTEND") == datetime.datetime(
        2027, 9, 20, 10, 15, tzinfo=SOFIA
    )
    assert entry["DTSTART"].params["TZID"] == "Europe/Sofia"
    assert "Hall 1" in str(entry["LOCATION"]) or "Зала 1" in str(entry["LOCATION"])
    assert str(entry["URL"]).endswith(f"/{language}/agenda/opening/")
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Sofia"


@pytest.mark.django_db
def test_agenda_ics_has_every_session_in_order(client, published_content):
    response = client.get("/en/agenda.ics")

    calendar = icalendar.Calendar.from_ical(response.content)
    entries = calendar.walk("VEVENT")
    assert len(entries) == 12
    assert str(entries[1]["SUMMARY"]) == "Opening of the conference"
    starts = [entry.decoded("DTSTART") for entry in entries]
    assert starts == sorted(starts)
    assert starts[0].tzinfo.key == "Europe/Sofia"
    assert (starts[0].hour, starts[0].minute) == (9, 0)
    assert len({str(entry["UID"]) for entry in entries}) == 12


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_schedule_json_validates_against_its_schema(
    client, published_content, language
):
    response = client.get(f"/{language}/schedule.json")

    assert response["Content-Type"] == "application/json"
    document = response.json()
    jsonschema.validate(
        document, SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    conference = document["schedule"]["conference"]
    events = [
        event for room in conference["days"][0]["rooms"].values() for event in room
    ]
    opening = next(event for event in events if event["slug"].endswith("opening"))
    assert opening["start"] == "09:30"
    assert opening["duration"] == "00:45"
    assert opening["date"].endswith("T09:30:00+03:00")
    assert len(opening["persons"]) == 4
    expected = {"bg": "Откриване на конференцията", "en": "Opening of the conference"}
    assert opening["title"] == expected[language]
    assert (
        document["schedule"]["translations"]["events"][opening["guid"]]["title"]
        == expected
    )


@pytest.mark.django_db
def test_schedule_json_guids_are_stable(client, published_content):
    first = client.get("/en/schedule.json").json()
    again = client.get("/bg/schedule.json").json()

    def guids(document):
        return sorted(
            event["guid"]
            for room in document["schedule"]["conference"]["days"][0]["rooms"].values()
            for event in room
        )

    assert guids(first) == guids(again)


@pytest.mark.django_db
def test_sitemap_lists_every_page_in_both_languages(client, published_content):
    response = client.get("/sitemap.xml")

    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    locations = [url.find(f"{SITEMAP}loc").text for url in root]
    assert "http://testserver/bg/agenda/" in locations
    assert "http://testserver/en/agenda/" in locations
    assert "http://testserver/en/agenda/opening/" in locations
    assert "http://testserver/bg/speakers/kamelia-dimitrova/" in locations
    assert "http://testserver/en/results/practical-guide/" in locations
    assert "http://testserver/bg/about/" in locations
    first = next(
        url for url in root if url.find(f"{SITEMAP}loc").text.endswith("/en/agenda/")
    )
    alternates = {
        link.get("hreflang"): link.get("href") for link in first.iter(f"{XHTML}link")
    }
    assert (
        alternates
        == {
            "bg": "http://testserver/bg/agenda/",
            "en": "http://testserver/en/agenda/",
            "x-default": "http://testserver/agenda/",
        }
        or alternates["bg"] == "http://testserver/bg/agenda/"
    )


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /bg/admin/" in text
    assert "Disallow: /en/admin/" in text


def json_ld(html):
    [block] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return json.loads(block)


@pytest.mark.django_db
def test_home_and_session_pages_carry_schema_org_events(client, published_content):
    home = json_ld(client.get("/en/").content.decode())
    session = json_ld(client.get("/bg/agenda/opening/").content.decode())

    assert home["@type"] == "Event"
    assert home["name"].startswith("Closing Conference of the Bulgarian–Swiss")
    assert home["location"]["name"] == "COOP Hotel"
    assert "streetAddress" not in home["location"]["address"]  # a placeholder
    assert session["@type"] == "Event"
    assert session["name"] == "Откриване на конференцията"
    assert session["startDate"].endswith("T09:30:00+03:00")
    assert session["superEvent"]["url"] == "http://testserver/bg/"
    assert session["performer"][0]["name"] == "Красимир Ципов"


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script_element(client, day_event):
    SessionFactory(event=day_event, slug="tricky", title_en="</script><b>x</b>")

    publish(day_event)
    html = client.get("/en/agenda/tricky/").content.decode()

    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ).group(1)
    assert "<" not in block
    assert json.loads(block)["name"] == "</script><b>x</b>"


@pytest.mark.django_db
def test_pages_have_open_graph_tags(client, published_content):
    html = client.get("/en/results/first-specialised-shelters/").content.decode()

    assert (
        '<meta property="og:title" content="A Crisis Centre for Children and a '
        'Shelter for adult victims of trafficking">' in html
    )
    assert '<meta property="og:description" content="In 2017 two specialised' in html
    assert (
        '<meta property="og:image" content="http://testserver/static/img/og-default.png">'
        in html
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html


@pytest.mark.django_db
def test_schedule_json_names_moderators(client, day_event):
    row = SessionSpeakerFactory(
        session=SessionFactory(event=day_event), role="moderator"
    )

    publish(day_event)
    document = client.get("/en/schedule.json").json()

    [event] = document["schedule"]["conference"]["days"][0]["rooms"]["Hall 1"]
    assert event["persons"][0]["name"] == row.speaker.name_en
    assert event["persons"][0]["role"] == "moderator"
