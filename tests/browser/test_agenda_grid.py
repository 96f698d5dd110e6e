"""An organiser (not a superuser) builds the day on the grid, with the keyboard
and with the mouse, publishes it, and finds it on both public agendas."""

import datetime
import gettext

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as gettext_server
from playwright.sync_api import expect

from conference.models import Event
from programme.models import Room
from programme.services import reschedule_session, session_token
from tests.browser.conftest import axe_violations, log_in, save_screenshot, translated
from tests.factories import RoomFactory


def script_text(language: str, message: str) -> str:
    """A text of the grid's script as it shows it (locale/*/djangojs.po)."""
    catalogue = gettext.translation(
        "djangojs", settings.BASE_DIR / "locale", [language], fallback=True
    )
    return catalogue.gettext(message)


def saved_text(language, session, start, end, room) -> str:
    """The server's answer to a change it saved, as the live region reads it."""
    with translation.override(language):
        return gettext_server("Saved: “%(title)s”, %(start)s–%(end)s, %(room)s.") % {
            "title": session.title,
            "start": start,
            "end": end,
            "room": room.name,
        }


def block(page, session):
    return page.locator(f"#grid-session-{session.pk}")


def column(page, room):
    return page.locator(f'[data-grid-column][data-room="{room.pk}"]')


def status(page):
    return page.locator("#grid-status")


def times(session):
    session.refresh_from_db()
    return (
        timezone.localtime(session.starts_at).strftime("%H:%M"),
        timezone.localtime(session.ends_at).strftime("%H:%M"),
    )


def drag(page, source, target, *, grip_y=4):
    """Scroll `source` near the top of the window, press on it (`grip_y` below
    its top edge), move in small steps as a hand would, and let go at the
    point `target()` gives (computed after the scroll)."""
    box = source.bounding_box()
    page.evaluate("offset => window.scrollBy(0, offset)", box["y"] - 70)
    box = source.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + grip_y
    target_x, target_y = target()
    assert 60 < target_y < page.viewport_size["height"] - 60
    page.mouse.move(x, y)
    page.mouse.down()
    steps = 12
    for step in range(1, steps + 1):
        page.mouse.move(
            x + (target_x - x) * step / steps, y + (target_y - y) * step / steps
        )
    page.mouse.up()


def in_room(page, room, minute, shift=0):
    """A point in the room's column at a minute of the day (a function, so
    that it is measured when the page is where the drag starts)."""

    def point():
        box = column(page, room).bounding_box()
        return box["x"] + box["width"] / 2, minute_y(page, room, minute) + shift

    return point


def minute_y(page, room, minute):
    """The vertical position of a minute of the day in a room's column."""
    grid = page.locator("[data-agenda-grid]")
    first = int(grid.get_attribute("data-first-minute"))
    last = int(grid.get_attribute("data-last-minute"))
    timeline = column(page, room).locator(".grid-list").bounding_box()
    return timeline["y"] + (minute - first) / (last - first) * timeline["height"]


@pytest.mark.parametrize("language", ["bg", "en"])
def test_organiser_builds_the_day_on_the_grid_and_publishes_it(
    new_page, site_content, organiser, language
):
    assert not organiser.is_superuser
    event = Event.objects.current()
    # The real content has one room, and no session in it yet.
    plenary = Room.objects.for_event(event).get()
    second = RoomFactory(
        event=event, name_bg="Зала „Витоша“", name_en="Vitosha Hall", order=20
    )
    opening = event.sessions.get(slug="opening")
    results = event.sessions.get(slug="results-and-good-practices")
    discussion = event.sessions.get(slug="expert-discussion")
    sustainable = event.sessions.get(slug="sustainable-results")
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")

    page.goto(f"/{language}/admin/")
    log_in(page, organiser, language)
    page.get_by_role("link", name=translated(language, "Day grid")).click()
    expect(page.locator("h1")).to_have_text(translated(language, "Day grid"))
    # Every session starts without a room, in the side list.
    aside = page.locator(".grid-unscheduled")
    expect(aside.locator(".grid-session")).to_have_count(event.sessions.count())
    assert axe_violations(page) == ""

    # The keyboard: the opening into the plenary hall as it is.
    block(page, opening).focus()
    page.keyboard.press("Alt+ArrowRight")
    expect(status(page)).to_contain_text(
        script_text(language, "Enter saves, Escape cancels.")
    )
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text(
        saved_text(language, opening, "09:30", "10:15", plenary)
    )
    expect(column(page, plenary).locator(f"#grid-session-{opening.pk}")).to_be_visible()
    # The next session, 15 minutes later and 10 minutes shorter.
    block(page, results).focus()
    page.keyboard.press("Alt+ArrowRight")
    for _ in range(3):
        page.keyboard.press("Alt+ArrowDown")
    for _ in range(2):
        page.keyboard.press("Alt+Shift+ArrowUp")
    expect(block(page, results).locator("[data-grid-time]")).to_have_text("10:30–11:20")
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text(
        saved_text(language, results, "10:30", "11:20", plenary)
    )
    assert times(results) == ("10:30", "11:20")
    assert results.room == plenary
    # The session's form below the grid follows the move.
    expect(page.locator(f"#grid-start-{results.pk}")).to_have_value("10:30")
    expect(page.locator(f"#grid-end-{results.pk}")).to_have_value("11:20")
    # Escape leaves a session where it was.
    block(page, results).focus()
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("Escape")
    expect(block(page, results).locator("[data-grid-time]")).to_have_text("10:30–11:20")

    # The mouse: the discussion dragged into the second room at 15:00 ...
    drag(page, block(page, discussion), in_room(page, second, 15 * 60, 4))
    expect(status(page)).to_have_text(
        saved_text(language, discussion, "15:00", "15:45", second)
    )
    assert times(discussion) == ("15:00", "15:45")
    # ... and its lower edge pulled down by a quarter of an hour.
    moved = column(page, second).locator(f"#grid-session-{discussion.pk}")
    drag(
        page,
        moved.locator(".grid-session-resize"),
        in_room(page, second, 16 * 60, -1),
        grip_y=2,
    )
    expect(status(page)).to_have_text(
        saved_text(language, discussion, "15:00", "16:00", second)
    )
    assert times(discussion) == ("15:00", "16:00")
    discussion.refresh_from_db()
    assert discussion.room == second

    # A session dropped onto a taken slot is refused, and goes back.
    drag(page, block(page, sustainable), in_room(page, second, 15 * 60 + 30, 4))
    with translation.override(language):
        taken_by = discussion.title
    expect(status(page)).to_contain_text(taken_by)
    expect(aside.locator(f"#grid-session-{sustainable.pk}")).to_be_visible()
    sustainable.refresh_from_db()
    assert sustainable.room is None

    # The picture of the guide: the answer above the grid, the rooms below.
    page.locator("#grid-status").evaluate("status => status.scrollIntoView()")
    save_screenshot(page, f"guide-{language}-grid", full_page=False)
    assert axe_violations(page) == ""

    # Publish, then both public agendas show the new day.
    page.get_by_role("link", name=translated(language, "Publish the agenda")).click()
    page.locator("#id_changelog").fill("Grid")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()
    for agenda_language, plenary_name, second_name in [
        ("bg", plenary.name_bg, "Зала „Витоша“"),
        ("en", plenary.name_en, "Vitosha Hall"),
    ]:
        page.goto(f"/{agenda_language}/agenda/")
        for session, shown, room in [
            (results, "10:30–11:20", plenary_name),
            (discussion, "15:00–16:00", second_name),
        ]:
            title = session.title_bg if agenda_language == "bg" else session.title_en
            entry = page.locator(".agenda-session").filter(
                has=page.get_by_role("heading", name=title)
            )
            expect(entry.locator(".session-time")).to_have_text(shown)
            expect(entry.locator(".session-room")).to_contain_text(room)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_grid_shows_another_organisers_change_instead_of_overwriting_it(
    new_page, site_content, organiser, language
):
    event = Event.objects.current()
    plenary = Room.objects.for_event(event).get()
    opening = event.sessions.get(slug="opening")
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/programme/session/grid/")
    log_in(page, organiser, language)
    expect(block(page, opening)).to_be_visible()

    # Meanwhile a colleague puts the opening in the plenary hall at 09:45.
    reschedule_session(
        session=opening,
        starts_at=opening.starts_at + datetime.timedelta(minutes=15),
        ends_at=opening.ends_at + datetime.timedelta(minutes=15),
        room=plenary,
        expected_token=session_token(opening),
    )
    block(page, opening).focus()
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("Enter")

    with translation.override(language):
        conflict = gettext_server(
            "Someone else changed “%(title)s” meanwhile: it is now at "
            "%(start)s–%(end)s, %(room)s. Your change was not saved; move the "
            "session again if it is still needed."
        ) % {
            "title": opening.title,
            "start": "09:45",
            "end": "10:30",
            "room": plenary.name,
        }
    expect(status(page)).to_have_text(conflict)
    assert "09:45" in conflict and "10:30" in conflict
    moved = column(page, plenary).locator(f"#grid-session-{opening.pk}")
    expect(moved.locator("[data-grid-time]")).to_have_text("09:45–10:30")
    assert times(opening) == ("09:45", "10:30")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_grid_forms_work_without_javascript(
    new_page, site_content, organiser, language
):
    event = Event.objects.current()
    plenary = Room.objects.for_event(event).get()
    lunch = event.sessions.get(slug="lunch")
    page = new_page(
        locale="bg-BG" if language == "bg" else "en-GB", java_script_enabled=False
    )
    page.goto(f"/{language}/admin/programme/session/grid/")
    log_in(page, organiser, language)

    row = page.locator(f"#session-form-{lunch.pk}")
    row.locator("input[name=start]").fill("12:40")
    row.locator("input[name=end]").fill("13:35")
    row.locator("select[name=room]").select_option(str(plenary.pk))
    row.get_by_role("button").click()

    expect(page.locator(".messagelist .success")).to_contain_text("12:40–13:35")
    assert times(lunch) == ("12:40", "13:35")
    lunch.refresh_from_db()
    assert lunch.room == plenary
