"""Two admin widgets an organiser meets on many screens, in the admin's
language whatever the browser's: the file picker and the calendar."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from conference.models import Event
from tests.browser.conftest import log_in
from tests.browser.test_admin_fit import LAPTOP


@pytest.mark.parametrize(
    ("language", "choose", "none"),
    [("bg", "Избор на файл", "Няма избран файл"), ("en", "Choose a file", "No file")],
)
def test_a_file_input_speaks_the_admins_language_not_the_browsers(
    new_page, site_content, organiser, language, choose, none
):
    # The browser speaks the other language: its own "Choose File" would.
    page = new_page(viewport=LAPTOP, locale="en-GB" if language == "bg" else "bg-BG")
    page.goto(f"/{language}/admin/login/")
    log_in(page, organiser, language)
    page.goto(f"/{language}/admin/programme/speaker/add/")
    photo = page.locator("#id_photo")
    picker = photo.locator("xpath=following-sibling::span[@class='file-picker']")

    expect(picker).to_have_text(re.compile(rf"^{choose}\s*{none}"))
    # The browser's own button is out of sight (one pixel, clipped).
    assert photo.bounding_box()["width"] <= 1
    # The input keeps its name and takes the focus; the picker shows it.
    photo.focus()
    outline = picker.locator(".file-picker-button").evaluate(
        "button => getComputedStyle(button).outlineStyle"
    )
    assert outline == "solid"
    # A click on the picker opens the browser's file chooser.
    with page.expect_file_chooser() as chooser:
        picker.click()
    chooser.value.set_files(
        files=[{"name": "портрет.jpg", "mimeType": "image/jpeg", "buffer": b"x"}]
    )
    expect(picker.locator(".file-picker-chosen")).to_have_text("портрет.jpg")
    # From the keyboard: Space on the focused input opens the chooser too.
    # (On a busy machine Chromium may still be closing the first chooser and
    # let the key go: Space is pressed once more before the test gives up.)
    for attempt in (1, 2):
        photo.focus()
        try:
            with page.expect_file_chooser(timeout=5_000):
                page.keyboard.press("Space")
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    # A file dropped on the picker is chosen.
    dropped = page.evaluate_handle(
        """() => {
            const data = new DataTransfer();
            data.items.add(new File(["x"], "снимка.png", {type: "image/png"}));
            return data;
        }"""
    )
    picker.dispatch_event("drop", {"dataTransfer": dropped})
    expect(picker.locator(".file-picker-chosen")).to_have_text("снимка.png")
    assert photo.evaluate("input => input.files[0].name") == "снимка.png"


@pytest.mark.parametrize(
    ("language", "today", "previous"),
    [
        ("bg", "Днес (6 декември 2026 г.)", "Предишен месец (август 2027 г.)"),
        ("en", "Today (6 December 2026)", "Previous (August 2027)"),
    ],
)
def test_the_calendar_names_its_dates_as_each_language_writes_them(
    new_page, site_content, organiser, language, today, previous
):
    page = new_page(viewport=LAPTOP, locale="bg-BG" if language == "bg" else "en-GB")
    # The browser's clock on 6 December 2026, noon in Sofia.
    page.clock.set_fixed_time(
        datetime.datetime(2026, 12, 6, 12, tzinfo=timezone.get_default_timezone())
    )
    page.goto(f"/{language}/admin/login/")
    log_in(page, organiser, language)
    page.goto(
        f"/{language}/admin/conference/event/{Event.objects.current().pk}/change/"
    )

    expect(page.get_by_role("button", name=today, exact=True).first).to_be_visible()
    # The calendar opens on the event's month, September 2027.
    page.locator("[id^=calendarlink]").first.click()
    expect(page.locator(".calendarnav-previous").first).to_have_attribute(
        "aria-label", previous
    )
