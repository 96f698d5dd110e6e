"""Browser tests: a real headless Chromium (Debian's) driven by Playwright.

They skip, saying why, when Chromium is missing; in CI (CI=true) a missing
Chromium fails the run instead, because there the tests must run.
"""

import datetime
import io
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from conference.management.commands.fill_development_values import (
    DEVELOPMENT_VALUES,
)
from conference.models import Event
from programme.services import publish_agenda
from tests.conftest import content_date

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
# The password UserFactory gives every account.
PASSWORD = "a-strong-test-password"
PHONE = {"width": 360, "height": 800}
NARROWEST = {"width": 320, "height": 640}
DESKTOP = {"width": 1366, "height": 900}

# What the page shows may take a while on a busy machine (the suite runs on
# every processor): assertions wait up to 15 s, as long as actions may.
expect.set_options(timeout=15_000)

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# calls from the test itself are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        reason = f"Chromium not found at {CHROMIUM} (run .ci/ensure-chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: browser tests must run in CI")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open pages of the live server at a viewport size and browser locale."""
    contexts = []

    def open_page(viewport=DESKTOP, locale="bg-BG", **options):
        context = browser.new_context(
            viewport=viewport, locale=locale, base_url=live_server.url, **options
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def site_content(transactional_db):
    """The real content, committed so that the live server's thread sees it,
    with what `make run` adds (fictitious controller and contact) and the
    draft agenda published once, as organisers do before going live."""
    call_command(
        "load_conference_content", "--date", content_date(), stdout=io.StringIO()
    )
    event = Event.objects.current()
    Event.objects.filter(pk=event.pk).update(**DEVELOPMENT_VALUES)
    publish_agenda(event=event, changelog="First version")


@pytest.fixture
def doors_open(site_content):
    """The clock at 10:00 on the day of the real content's event (and
    running), when the desk checks people in; sign in after it."""
    event = Event.objects.current()
    at = datetime.datetime.combine(
        event.date, datetime.time(10), tzinfo=timezone.get_default_timezone()
    )
    with time_machine.travel(at, tick=True):
        yield event


def screenshots_wanted() -> bool:
    """Screenshots are for people (reviewers, the organisers' guide), not for
    the assertions: they are taken only when asked for with SCREENSHOTS=1
    (`make screenshots`, `make guide-images`), which keeps `make test` about
    a minute shorter."""
    return os.environ.get("SCREENSHOTS") == "1"


def save_screenshot(page, name: str, *, full_page: bool = True) -> Path | None:
    if not screenshots_wanted():
        return None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, *, every_rule: bool = False) -> str:
    """axe-core's WCAG 2.x A/AA violations on the page, one line each; with
    `every_rule`, all of axe's rules, its best practices too."""
    from axe_playwright_python.sync_playwright import Axe

    # Without CSS selectors for the elements axe runs about a fifth faster;
    # only a page with violations is checked again to name them.
    options = {"resultTypes": ["violations"], "selectors": False}
    if not every_rule:
        options["runOnly"] = {"type": "tag", "values": WCAG_TAGS}
    results = Axe().run(page, options=options)
    if results.response["violations"]:
        results = Axe().run(page, options=options | {"selectors": True})
    return "\n".join(
        f"{violation['id']}: {violation['help']} "
        f"({', '.join(node['target'][0] for node in violation['nodes'][:3])})"
        for violation in results.response["violations"]
    )


def translated(language: str, message: str) -> str:
    """An interface text as the site shows it in `language`."""
    with translation.override(language):
        return gettext(message)


def other_language(language: str) -> str:
    return "en" if language == "bg" else "bg"


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def link_path(text: str, pattern: str) -> str:
    """The path of the first link in an e-mail body matching `pattern`.

    E-mails carry absolute links to SITE_URL; the browser follows the same
    path on the live server.
    """
    match = re.search(rf"https?://[^/\s]+({pattern})", text)
    assert match, f"no link matching {pattern!r} in:\n{text}"
    return match.group(1)


def log_in(page, user, language: str) -> None:
    """Fill in the admin's login form the page shows, as a person would, and
    wait until the page it leads to has loaded: its deferred scripts have run
    by then, so a test's next key press or click reaches their handlers."""
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=translated(language, "Log in")).click()


def serve_media(page) -> None:
    """Serve uploaded files to the page as the reverse proxy does in production.

    Django serves MEDIA_URL only in development (DEBUG); the live server runs
    the production URLs, so the browser gets the files from MEDIA_ROOT here.
    """
    root = Path(settings.MEDIA_ROOT).resolve()

    def fulfil(route):
        relative = urlsplit(route.request.url).path.removeprefix(settings.MEDIA_URL)
        file = (root / relative).resolve()
        if root in file.parents and file.is_file():
            route.fulfill(path=file)
        else:
            route.fulfill(status=404)

    page.route(f"**{settings.MEDIA_URL}**", fulfil)
