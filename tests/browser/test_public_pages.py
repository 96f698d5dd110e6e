import re

import pytest

from tests.browser.conftest import (
    DESKTOP,
    NARROWEST,
    PHONE,
    axe_violations,
    save_screenshot,
)
from tests.public_pages import public_paths


@pytest.mark.parametrize("language", ["bg", "en"])
def test_public_pages_pass_every_axe_rule_including_best_practices(
    new_page, site_content, language
):
    page = new_page()
    problems = {}

    for path in public_paths(language):
        page.goto(path)
        if violations := axe_violations(page, every_rule=True):
            problems[path] = violations

    assert problems == {}


@pytest.mark.parametrize("language", ["bg", "en"])
# 320 CSS px: WCAG 1.4.10's reflow width, where nothing may scroll sideways.
@pytest.mark.parametrize(
    "viewport", [NARROWEST, PHONE, DESKTOP], ids=["320px", "phone", "desktop"]
)
def test_public_pages_fit_the_screen(new_page, site_content, language, viewport):
    page = new_page(viewport=viewport)
    overflowing = []

    for path in public_paths(language):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            overflowing.append(f"{path}: {width}px")
        name = path.strip("/").replace("/", "-")
        if name == language:
            name += "-home"
        save_screenshot(page, f"{name}-{viewport['width']}")

    assert overflowing == []


def test_menu_button_opens_the_navigation_on_a_phone(new_page, site_content):
    page = new_page(viewport=PHONE)
    page.goto("/en/")
    navigation = page.get_by_role("navigation", name="Main navigation")
    about = navigation.get_by_role("link", name="About the Programme", exact=True)

    assert not about.is_visible()
    page.get_by_role("button", name="Menu").click()
    about.click()

    assert page.url.endswith("/en/about/")


def test_visitor_is_sent_to_their_language_and_can_switch(new_page, site_content):
    page = new_page(locale="en-GB")
    page.goto("/")
    assert re.search(r"/en/$", page.url)
    assert page.locator("html").get_attribute("lang") == "en"

    page.goto("/en/venue/")
    page.get_by_role("link", name="Български").click()

    assert page.url.endswith("/bg/venue/")
    assert page.locator("html").get_attribute("lang") == "bg"
    page.goto("/")
    assert page.url.endswith("/bg/")


def test_skip_link_moves_focus_to_the_main_content(new_page, site_content):
    page = new_page()
    page.goto("/en/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
