"""The check-in pages on a phone: they fit 360 px, pass axe, and check in."""

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conference.models import Event
from registrations.models import RegistrationStatus, TokenPurpose
from tests.browser.conftest import PHONE, axe_violations, log_in, save_screenshot
from tests.factories import RegistrationFactory
from tests.registrations.conftest import make_token


@pytest.fixture
def desk_page(doors_open, new_page, desk):
    page = new_page(viewport=PHONE)
    page.goto("/bg/admin/login/")
    log_in(page, desk, "bg")
    return page


@pytest.mark.parametrize("language", ["bg", "en"])
def test_check_in_pages_fit_a_phone_and_pass_axe(desk_page, language):
    event = Event.objects.current()
    person = RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        first_name="Цветелина",
        last_name="Жечева-Йорданова",
        organisation="Национална комисия за борба с трафика на хора",
        needs_interpretation=True,
        accessibility_requirements="Инвалидна количка",
    )
    RegistrationFactory(
        event=event, status=RegistrationStatus.WAITLISTED, last_name="Жечев"
    )
    token = make_token(person, TokenPurpose.CHECK_IN)
    paths = [
        f"/{language}/check-in/?q=Жечев",
        f"/{language}/check-in/{token}/",
        f"/{language}/desk/sign-in-sheet/",
    ]
    problems, overflowing = {}, []

    for path in paths:
        desk_page.goto(path)
        if violations := axe_violations(desk_page):
            problems[path] = violations
        width = desk_page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            overflowing.append(f"{path}: {width}px")
        name = path.strip("/").split("?")[0].replace("/", "-").replace(token, "token")
        save_screenshot(desk_page, f"{name}-{PHONE['width']}")

    assert problems == {}
    assert overflowing == []


def test_check_in_with_one_tap_then_already_checked_in(desk_page):
    person = RegistrationFactory(
        event=Event.objects.current(),
        status=RegistrationStatus.CONFIRMED,
        last_name="Петрова",
    )

    desk_page.goto("/en/check-in/?q=Петрова")
    desk_page.get_by_role("button", name=f"Check in {person.full_name}").click()

    assert desk_page.get_by_text(f"{person.full_name} is checked in.").is_visible()
    assert desk_page.get_by_text("Already checked in at").is_visible()
    assert desk_page.locator('[data-count="checked_in"]').inner_text() == "1"


PRINTED_NAMES = [
    ("Снежана", "Петрова-Йорданова"),
    ("Zoë Ångström", "Łukasiewicz-Núñez Çelik"),
    ("Γιώργος", "Παπαδόπουλος"),
    ("محمد", "عبد الله"),
    ("דוד", "כהן"),
    ("小明", "王"),
    ("अनीता", "शर्मा"),
    ("สมชาย", "ใจดี"),
    (("Maximiliana " * 9)[:100], ("Wolfeschlegelsteinhausen " * 4)[:100]),
    ("王" * 100, "明" * 100),
]
BADGE_GEOMETRY = """() => [...document.querySelectorAll('.badge')].map(badge => {
  const box = selector => {
    const element = selector ? badge.querySelector(selector) : badge;
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  };
  const lines = selector => {
    const element = badge.querySelector(selector);
    const style = getComputedStyle(element);
    return Math.round(
      element.getBoundingClientRect().height / parseFloat(style.lineHeight));
  };
  return {
    text: badge.querySelector('.badge-name').innerText,
    badge: box(null), name: box('.badge-name'), qr: box('.badge-qr'),
    organisation: box('.badge-organisation'), country: box('.badge-country'),
    firstLines: lines('.badge-first'), lastLines: lines('.badge-last'),
  };
})"""


def overlap(a, b) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def inside(inner, outer) -> bool:
    return (
        inner["left"] >= outer["left"] - 0.5
        and inner["right"] <= outer["right"] + 0.5
        and inner["top"] >= outer["top"] - 0.5
        and inner["bottom"] <= outer["bottom"] + 0.5
    )


# The faces of the scripts in PRINTED_NAMES beyond the base font's; U+738B
# 王 stands for the CJK face cut for these names (registrations/desk_views.py).
SCRIPT_RANGES = ["U+600-6FF", "U+590-5FF", "U+900-97F", "U+E00-E7F", "U+738B"]
FACES_LOADED = """ranges => ranges.every(range => [...document.fonts].some(
  face => face.status === 'loaded' && face.unicodeRange.includes(range)))"""


def wait_for_faces(page, ranges) -> list[str]:
    """Wait until the page has loaded a face for each of `ranges`, and return
    the ranges of the faces it loaded. The CJK face is cut by the server when
    first asked for, which takes seconds on a busy machine; its stylesheet
    is built per request too."""
    # On a timeout, the caller's assertion says which face is missing.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(FACES_LOADED, arg=ranges, timeout=60_000)
    return page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded')"
        ".map(f => f.unicodeRange)"
    )


@pytest.fixture
def organiser_page(new_page, site_content, organiser):
    page = new_page()
    page.goto("/bg/admin/login/")
    log_in(page, organiser, "bg")
    return page


def test_badges_and_sign_in_sheet_print_every_name_in_its_place(organiser_page):
    """Names in every script the form accepts, and the longest, on the
    badges (the name in one or two lines a part, never over the QR code or
    the lines below) and on the sign-in sheet, in the project's own fonts."""
    event = Event.objects.current()
    for number, (first, last) in enumerate(PRINTED_NAMES):
        RegistrationFactory(
            event=event,
            status=RegistrationStatus.CONFIRMED,
            form_of_address="prof" if number % 2 else "",
            first_name=first,
            last_name=last,
            organisation="Национална комисия за борба с трафика на хора",
            country="България",
        )
    desk_page = organiser_page
    desk_page.set_viewport_size({"width": 1200, "height": 900})
    desk_page.goto("/en/desk/badges/")
    # The sheet's stylesheets (the CJK face's among them) have loaded by the
    # load event; its fonts come after, and the names' lines depend on them.
    with desk_page.expect_navigation():
        desk_page.click("button[type=submit]")
    desk_page.emulate_media(media="print")
    loaded = wait_for_faces(desk_page, SCRIPT_RANGES)

    badges = desk_page.evaluate(BADGE_GEOMETRY)
    save_screenshot(desk_page, "badges-every-script")

    assert len(badges) == len(PRINTED_NAMES)
    printed = {" ".join(badge["text"].split()) for badge in badges}
    for first, last in PRINTED_NAMES:
        assert f"{first} {last.upper()}".strip() in printed or any(
            first.strip() in text for text in printed
        )
    for badge in badges:
        where = badge["text"][:30]
        assert badge["firstLines"] <= 2, where
        assert badge["lastLines"] <= 2, where
        assert inside(badge["name"], badge["badge"]), where
        assert not overlap(badge["name"], badge["qr"]), where
        assert badge["name"]["bottom"] <= badge["organisation"]["top"] + 0.5, where
        assert inside(badge["country"], badge["badge"]), where
    for script_range in SCRIPT_RANGES:
        assert any(script_range in ranges for ranges in loaded), (script_range, loaded)

    desk_page.goto("/en/desk/sign-in-sheet/")
    desk_page.emulate_media(media="print")
    sheet = desk_page.inner_text("table.sheet")
    for first, last in PRINTED_NAMES:
        assert first.strip() in sheet
        assert last.strip() in sheet
    width = desk_page.evaluate("document.documentElement.scrollWidth")
    assert width <= desk_page.viewport_size["width"]
