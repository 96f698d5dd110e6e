"""What axe cannot check, measured in the browser's pixels: forced colours
(Windows high contrast) and the focus indicator's contrast. Reflow at 320
CSS px and axe with all its rules run on every page in test_public_pages."""

import functools
import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, log_in, translated
from tests.factories import EventFactory

# Enough of each page's keyboard path to meet every kind of control it has.
FOCUS_STOPS = 30


@functools.cache
def relative_luminance(rgb) -> float:
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second) -> float:
    lighter, darker = sorted(
        (relative_luminance(first), relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def pixels(png: bytes) -> list[tuple[int, int, int]]:
    data = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def changed_pixels(before: bytes, after: bytes, *, ratio: float = 3.0) -> int:
    """How many pixels changed colour with at least `ratio` contrast between
    their two states (WCAG 2.4.13's measure of a focus indicator)."""
    return sum(
        1
        for old, new in zip(pixels(before), pixels(after), strict=True)
        if old != new and contrast(old, new) >= ratio
    )


def ink(png: bytes, *, ratio: float = 3.0) -> int:
    """Pixels that stand out (≥ ratio) from the image's most common colour."""
    colours = pixels(png)
    background = max(set(colours), key=colours.count)
    return sum(1 for colour in colours if contrast(colour, background) >= ratio)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_ticked_checkbox_shows_its_tick_in_forced_colours(
    new_page, transactional_db, language
):
    EventFactory()
    page = new_page(viewport=PHONE)
    page.emulate_media(forced_colors="active")
    page.goto(f"/{language}/register/")
    consent = page.locator("[name=consent]")
    unticked = consent.screenshot()

    consent.check()
    ticked = consent.screenshot()

    # The tick covers a good part of the box and contrasts with what it covers.
    width, height = Image.open(io.BytesIO(ticked)).size
    assert changed_pixels(unticked, ticked) >= width * height // 10


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_menu_button_shows_its_icon_in_forced_colours(
    new_page, site_content, language
):
    page = new_page(viewport=PHONE)
    page.emulate_media(forced_colors="active")
    page.goto(f"/{language}/")
    button = page.get_by_role("button", name=translated(language, "Menu"))
    icon = button.locator(".navbar-toggler-icon")

    assert button.is_visible()
    # Three bars of 2 px across the icon's width.
    assert ink(icon.screenshot()) >= 3 * 2 * icon.bounding_box()["width"] * 0.8


FOCUSED_BOX = """() => {
  document.activeElement.scrollIntoView({block: "center"});
  const box = document.activeElement.getBoundingClientRect();
  return {x: box.x, y: box.y, width: box.width, height: box.height,
          name: document.activeElement.outerHTML.slice(0, 120)};
}"""


def focus_indicators_too_faint(page, viewport) -> list[str]:
    """Tab along the page; for each stop compare the focused and unfocused
    pixels around the element: the indicator must change at least an area of
    its perimeter × 2 px by 3:1 or more (WCAG 2.4.11/2.4.13, 1.4.11)."""
    faint = []
    page.locator("body").focus()
    for _stop in range(FOCUS_STOPS):
        page.keyboard.press("Tab")
        box = page.evaluate(FOCUSED_BOX)
        if box["width"] == 0 or box["height"] == 0 or box["name"].startswith("<body"):
            break
        margin = 6
        left, top = max(box["x"] - margin, 0), max(box["y"] - margin, 0)
        clip = {
            "x": left,
            "y": top,
            "width": min(box["x"] + box["width"] + margin, viewport["width"]) - left,
            "height": min(box["y"] + box["height"] + margin, viewport["height"]) - top,
        }
        if clip["width"] <= 0 or clip["height"] <= 0:
            continue
        focused = page.screenshot(clip=clip)
        page.evaluate("document.activeElement.blur()")
        unfocused = page.screenshot(clip=clip)
        perimeter = 2 * (min(box["width"], clip["width"]) + min(box["height"], 40))
        if changed_pixels(unfocused, focused) < 2 * perimeter * 0.9:
            faint.append(box["name"])
    return faint


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_focus_indicator_contrasts_on_every_kind_of_page(
    new_page, site_content, language
):
    page = new_page(reduced_motion="reduce")
    faint = {}

    for path in [f"/{language}/", f"/{language}/agenda/", f"/{language}/register/"]:
        page.goto(path)
        if found := focus_indicators_too_faint(page, DESKTOP):
            faint[path] = found

    assert faint == {}


# The time column is as tall as its rows (the script has set --rows), every
# hour label sits where the script put it, the fonts are in, and two frames
# have been painted since.
LAID_OUT = """(selector) => {
  const list = document.querySelector(selector);
  if (!list || document.fonts.status !== "loaded") return false;
  const rows = Number(getComputedStyle(list.closest(".agenda-grid"))
    .getPropertyValue("--rows"));
  const labels = [...list.querySelectorAll("li")];
  const placed = labels.length > 0 && labels.every(
    (label) => getComputedStyle(label).position === "absolute");
  if (!(rows > 0 && placed && list.getBoundingClientRect().height > 0)) return false;
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));
}"""


def full_width_lines(png: bytes, *, ratio: float = 3.0, share: float = 0.9) -> int:
    """Rows of pixels at least `share` of whose width stands out (≥ ratio)
    from the image's most common colour: lines across, not text."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    colours = pixels(png)
    background = max(set(colours), key=colours.count)
    rows = 0
    for y in range(height):
        row = colours[y * width : (y + 1) * width]
        inked = sum(1 for colour in row if contrast(colour, background) >= ratio)
        rows += inked >= share * width
    return rows


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_day_grid_keeps_its_time_lines_in_forced_colours(
    new_page, site_content, organiser, language
):
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")
    page.emulate_media(forced_colors="active")
    page.goto(f"/{language}/admin/programme/session/grid/")
    log_in(page, organiser, language)
    times = page.locator(".agenda-grid.is-ready .grid-times .grid-list")
    # Counted and drawn once the script has laid the grid out, the fonts
    # have loaded and the browser has painted that layout: waited for, not
    # slept on, so a slow machine only takes longer.
    expect(times.locator("li").first).to_be_visible()
    page.wait_for_function(LAID_OUT, arg=".agenda-grid.is-ready .grid-times .grid-list")
    hours = times.locator("li").count()

    lines = full_width_lines(times.screenshot())

    # A line across the column at each hour, one per label at least.
    assert hours >= 3
    assert lines >= hours, (lines, hours)
