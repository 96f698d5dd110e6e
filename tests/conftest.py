import datetime
import io

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from conference.content import next_conference_date
from conference.models import Event
from conference.page_cache import clear_local_pages
from conference.roles import ORGANISERS, REGISTRATION_DESK
from registrations import ratelimit
from tests.factories import EventFactory, UserFactory
from tests.moments import DAY, sofia

# Fixtures that run the site as separate processes (gunicorn, the mail worker).
pytest_plugins = ["tests.site_process"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The order `make test` hands tests out in: each of its processes gets a
    contiguous share of this list (pytest-xdist's worksteal), and one that
    finishes early takes tests from the end of another's share.

    The browser tests come first, so that one process runs them while the
    others run the rest: Chromium uses more than a processor of its own, and
    browser tests side by side only slow each other down. The walks through
    every admin screen (marked `long`, a minute each) open the second share
    instead, so that the first is not left with them at the end."""
    browser, long, rest = [], [], []
    for item in items:
        if item.get_closest_marker("long"):
            long.append(item)
        elif item.get_closest_marker("browser"):
            browser.append(item)
        else:
            rest.append(item)
    items[:] = browser + rest
    workers = getattr(config, "workerinput", {}).get("workercount", 1)
    second_share = len(items) // workers if workers > 1 else 0
    items[second_share:second_share] = long


LANGUAGES = ("bg", "en")


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    clear_local_pages()
    ratelimit._blocked.clear()
    yield
    cache.clear()
    clear_local_pages()
    ratelimit._blocked.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request leaves its
    language active in the thread (LocaleMiddleware), and a test must not
    pass only because the test before it asked for an English page."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def event(db):
    """A current event well in the future, with registration open."""
    return EventFactory()


@pytest.fixture
def real_content(db):
    """The real content of the site, as `make run` loads it."""
    call_command(
        "load_conference_content", "--date", content_date(), stdout=io.StringIO()
    )


@pytest.fixture
def published_content(real_content):
    """The real content with its draft agenda published once by an organiser."""
    from programme.services import publish_agenda

    publish_agenda(event=Event.objects.current(), changelog="First version")


def content_date() -> str:
    """The date `make run` would pick (tests run with DEBUG off, which needs
    an explicit --date)."""
    return next_conference_date(timezone.localdate()).isoformat()


@pytest.fixture
def organiser(db):
    """A staff account in the Organisers group (not a superuser)."""
    user = UserFactory(username="organiser")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


@pytest.fixture
def desk(db):
    """A staff account in the Registration desk group."""
    user = UserFactory(username="desk")
    user.groups.add(Group.objects.get(name=REGISTRATION_DESK))
    return user


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


@pytest.fixture
def desk_client(client, desk):
    client.force_login(desk)
    return client


@pytest.fixture
def count_queries():
    """The queries a page makes once warm (content types, permissions and the
    like are cached after the first request), for N+1 guards that compare two
    sizes of data."""

    def count(client, url) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    return count


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


def local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone()
    )


@pytest.fixture
def on_the_day(db):
    """The current event (09:00–17:00), with the clock at 10:00 on its day:
    the desk checks people in."""
    # Tomorrow: within the life of a session signed in before the travel.
    day = timezone.localdate() + datetime.timedelta(days=1)
    event = EventFactory(date=day)
    with time_machine.travel(local(day, 10), tick=False):
        yield event


@pytest.fixture
def past_event(db):
    return EventFactory(date=timezone.localdate() - datetime.timedelta(days=30))


@pytest.fixture(autouse=True)
def _postgresql_only(request):
    """Tests marked `postgresql` need the real server (row locks, a network
    connection): skip them elsewhere, saying why."""
    if request.node.get_closest_marker("postgresql") is None:
        return
    if connection.vendor != "postgresql":
        pytest.skip(
            f"needs PostgreSQL (row locks, a real server connection); this run uses "
            f"{connection.vendor}. Set DATABASE_URL=postgres://… to run it."
        )


@pytest.fixture
def without_row_locks(monkeypatch):
    """For the races' negative controls: every `select_for_update` becomes a
    plain read, so the race runs as it would with no lock at all."""
    from django.db.models import QuerySet

    monkeypatch.setattr(
        QuerySet, "select_for_update", lambda self, **kwargs: self.all()
    )


@pytest.fixture
def fixed_event(settings):
    """The event of tests/moments.py, an organiser and a desk member."""
    settings.REGISTRATION_RETENTION_DAYS = 90
    with time_machine.travel(sofia(datetime.date(2027, 5, 1), 12), tick=False):
        event = EventFactory(
            date=DAY,
            doors_open_time=datetime.time(8, 45),
            check_in_opens_before=30,
            start_time=datetime.time(9, 30),
            end_time=datetime.time(17, 0),
            registration_opens_at=sofia(datetime.date(2027, 6, 1), 0),
            registration_closes_at=sofia(datetime.date(2027, 9, 13), 18),
        )
        organiser = UserFactory(username="cell-organiser")
        organiser.groups.add(Group.objects.get(name=ORGANISERS))
        desk = UserFactory(username="cell-desk")
        desk.groups.add(Group.objects.get(name=REGISTRATION_DESK))
    return event, organiser, desk
