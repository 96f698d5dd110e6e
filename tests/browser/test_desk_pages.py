"""The check-in pages on a phone: they fit 360 px, pass axe, and check in."""

import pytest

from conference.models import Event
from registrations.models import RegistrationStatus, TokenPurpose
from tests.browser.conftest import PHONE, axe_violations, save_screenshot
from tests.factories import RegistrationFactory
from tests.registrations.conftest import make_token

PASSWORD = "a-strong-test-password"


@pytest.fixture
def desk_page(doors_open, new_page, desk):
    page = new_page(viewport=PHONE)
    page.goto("/bg/admin/login/")
    page.fill("#id_username", desk.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
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
