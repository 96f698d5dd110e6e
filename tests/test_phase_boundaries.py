"""The exact moments the event's phase changes, and the page cache that
must not outlive a phase: the event of tests/test_event_phases.py (Sofia,
20 September 2027, doors 08:45, 09:30–17:00), without its people."""

import datetime

import pytest
import time_machine
from django.core.cache import cache

from conference.page_cache import clear_local_pages
from conference.phases import Phase, event_phase
from tests.factories import EventFactory
from tests.test_event_phases import DAY, sofia

pytestmark = pytest.mark.django_db


@pytest.fixture
def sofia_event(settings):
    settings.REGISTRATION_RETENTION_DAYS = 90
    with time_machine.travel(sofia(datetime.date(2027, 8, 1), 12), tick=False):
        return EventFactory(
            date=DAY,
            doors_open_time=datetime.time(8, 45),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(17, 0),
            registration_closes_at=sofia(datetime.date(2027, 9, 13), 18),
            contact_email="info@example.org",
        )


@pytest.mark.parametrize(
    ("at", "phase"),
    [
        (sofia(DAY, 8, 44), Phase.REGISTRATION_CLOSED),
        (sofia(DAY, 8, 45), Phase.EVENT_DAY),
        (sofia(DAY, 16, 59), Phase.EVENT_DAY),
        (sofia(DAY, 17, 0), Phase.EVENING),
        (sofia(DAY, 23, 59, 59), Phase.EVENING),
        (sofia(DAY + datetime.timedelta(days=1), 0), Phase.AFTER),
    ],
    ids=[
        "a minute before the doors",
        "doors",
        "a minute before the end",
        "end",
        "a second before midnight",
        "midnight",
    ],
)
def test_phase_boundaries_are_exact(sofia_event, at, phase):
    event = sofia_event
    assert event_phase(event, at).phase == phase


def test_changing_the_end_time_while_it_runs_moves_the_phase(sofia_event, client):
    event = sofia_event
    with time_machine.travel(sofia(DAY, 17, 30), tick=False):
        assert "The conference took place" in client.get("/en/").content.decode()
        event.end_time = datetime.time(18, 0)
        event.save()
        home = client.get("/en/").content.decode()
    assert "The conference is under way" in home
    assert "The conference took place" not in home


def test_a_cached_page_is_not_served_across_the_doors_opening(
    sofia_event, client, settings
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 3600
    with time_machine.travel(sofia(DAY, 8, 44, 30), tick=False):
        before = client.get("/en/").content.decode()
    with time_machine.travel(sofia(DAY, 8, 45, 1), tick=False):
        after = client.get("/en/").content.decode()
    assert "Closing conference" in before
    assert "The conference is under way" in after


def test_cache_lifetime_is_cut_at_the_next_boundary(sofia_event, client, settings):
    """An entry made 20 s before the doors open lives at most those 20 s."""
    event = sofia_event
    cache.clear()
    clear_local_pages()
    with time_machine.travel(sofia(DAY, 8, 44, 40), tick=False):
        assert event_phase(event).changes_at == sofia(DAY, 8, 45)
        client.get("/en/")
    with time_machine.travel(sofia(DAY, 8, 44, 59), tick=False):
        assert "Closing conference" in client.get("/en/").content.decode()


def test_without_a_doors_time_the_day_starts_exactly_at_the_start_time(sofia_event):
    event = sofia_event
    event.doors_open_time = None

    assert event_phase(event, sofia(DAY, 9, 29)).phase == Phase.REGISTRATION_CLOSED
    assert event_phase(event, sofia(DAY, 9, 30)).phase == Phase.EVENT_DAY
    assert event_phase(event, sofia(DAY, 9, 30)).registration == "under_way"


def test_registration_open_until_the_doors_when_no_deadline_is_set(sofia_event):
    event = sofia_event
    event.registration_closes_at = None

    assert event_phase(event, sofia(DAY, 8, 44)).registration_open
    assert not event_phase(event, sofia(DAY, 8, 45)).registration_open
