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


# The grid's script has placed every block (the page's first layout puts
# them elsewhere) and the fonts, which change the heights, are in.
GRID_READY = (
    "() => document.querySelector('.agenda-grid.is-ready') !== null"
    " && document.fonts.status === 'loaded'"
)


def focus(page, session):
    """Put the keyboard on a session's block once the grid's scripts have
    bound their keys (before that a key press is lost, as it would be for a
    person who types while the page is still loading)."""
    page.wait_for_function(GRID_READY)
    block(page, session).focus()


def drag(page, source, target, *, grip_y=4, let_go=True):
    """Once the grid is laid out, scroll so that `source` and the point
    `target()` gives are both in the window, press on the source (`grip_y`
    below its top edge), move in small steps as a hand would, and let go at
    the target (measured again after the scroll) unless `let_go` is false."""
    page.wait_for_function(GRID_READY)
    box = source.bounding_box()
    _x, target_y = target()
    middle = (box["y"] + target_y) / 2
    page.evaluate(
        "offset => window.scrollBy(0, offset)",
        middle - page.viewport_size["height"] / 2,
    )
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
    if let_go:
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
    page.get_by_role(
        "link", name=translated(language, "Build the day on the grid")
    ).click()
    expect(page.locator("h1")).to_have_text(translated(language, "Day grid"))
    aside = page.locator(".grid-unscheduled")
    # Every session starts without a room, in the side list, except the
    # coffee breaks and lunch, which are in every room.
    expect(aside.locator(".grid-session")).to_have_count(
        event.sessions.filter(in_every_room=False).count()
    )
    expect(page.locator(".grid-every-room .grid-session")).to_have_count(3)
    assert axe_violations(page) == ""

    # The keyboard: the opening into the plenary hall as it is.
    focus(page, opening)
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
    focus(page, results)
    page.keyboard.press("Alt+ArrowRight")
    for _ in range(3):
        page.keyboard.press("Alt+ArrowDown")
    for _ in range(3):
        page.keyboard.press("Alt+Shift+ArrowUp")
    expect(block(page, results).locator("[data-grid-time]")).to_have_text("10:30–11:15")
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text(
        saved_text(language, results, "10:30", "11:15", plenary)
    )
    assert times(results) == ("10:30", "11:15")
    assert results.room == plenary
    # The session's form below the grid follows the move.
    expect(page.locator(f"#grid-start-{results.pk}")).to_have_value("10:30")
    expect(page.locator(f"#grid-end-{results.pk}")).to_have_value("11:15")
    # Escape leaves a session where it was.
    focus(page, results)
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("Escape")
    expect(block(page, results).locator("[data-grid-time]")).to_have_text("10:30–11:15")

    # The mouse: the discussion dragged into the second room at 15:15 (after
    # the afternoon coffee break, which is in every room) ...
    drag(page, block(page, discussion), in_room(page, second, 15 * 60 + 15, 4))
    expect(status(page)).to_have_text(
        saved_text(language, discussion, "15:15", "16:00", second)
    )
    assert times(discussion) == ("15:15", "16:00")
    # ... and its lower edge pulled down by a quarter of an hour.
    moved = column(page, second).locator(f"#grid-session-{discussion.pk}")
    drag(
        page,
        moved.locator(".grid-session-resize"),
        in_room(page, second, 16 * 60 + 15, -1),
        grip_y=2,
    )
    expect(status(page)).to_have_text(
        saved_text(language, discussion, "15:15", "16:15", second)
    )
    assert times(discussion) == ("15:15", "16:15")
    discussion.refresh_from_db()
    assert discussion.room == second

    # A session dropped over the coffee break is refused where it was
    # dropped: a red mark there with the reason, announced, and the session
    # goes back to where it was.
    coffee = event.sessions.get(slug="afternoon-break")
    with translation.override(language):
        reason = gettext_server(
            "“%(title)s” takes place in every room from %(start)s to %(end)s."
        ) % {"title": coffee.title, "start": "15:00", "end": "15:15"}
    drag(page, block(page, sustainable), in_room(page, plenary, 14 * 60 + 40, 4))
    refusal = column(page, plenary).locator(".grid-refusal")
    expect(refusal).to_have_text(reason)
    expect(status(page)).to_have_text(reason)
    mark = refusal.bounding_box()
    assert abs(mark["y"] - minute_y(page, plenary, 14 * 60 + 40)) < 4
    expect(aside.locator(f"#grid-session-{sustainable.pk}")).to_be_visible()
    sustainable.refresh_from_db()
    assert sustainable.room is None
    # The picture of the guide: the refusal where it happened, the coffee
    # break across both rooms above it.
    refusal.evaluate("mark => mark.scrollIntoView({block: 'center'})")
    page.mouse.move(1, 1)
    save_screenshot(page, f"guide-{language}-grid", full_page=False)
    assert axe_violations(page) == ""
    # With the keyboard, a taken place shows on the session itself at once.
    focus(page, sustainable)
    expect(refusal).to_have_count(1)
    page.keyboard.press("Alt+ArrowRight")
    page.keyboard.press("Alt+ArrowUp")
    with translation.override(language):
        taken = script_text(
            language, "Taken: “%(title)s” is in every room from %(start)s to %(end)s."
        ) % {"title": coffee.title, "start": "15:00", "end": "15:15"}
    expect(block(page, sustainable).locator("[data-grid-conflict]")).to_have_text(taken)
    expect(status(page)).to_contain_text(taken)
    page.keyboard.press("Escape")
    expect(block(page, sustainable).locator("[data-grid-conflict]")).to_be_hidden()

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
            (results, "10:30–11:15", plenary_name),
            (discussion, "15:15–16:15", second_name),
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
    focus(page, opening)
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("Enter")

    with translation.override(language):
        conflict = gettext_server(
            "Someone else changed “%(title)s” in the meantime: it is now at "
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
    campaigns = event.sessions.get(slug="information-campaigns")
    lunch = event.sessions.get(slug="lunch")
    page = new_page(
        locale="bg-BG" if language == "bg" else "en-GB", java_script_enabled=False
    )
    page.goto(f"/{language}/admin/programme/session/grid/")
    log_in(page, organiser, language)

    row = page.locator(f"#session-form-{campaigns.pk}")
    row.locator("input[name=start]").fill("14:20")
    row.locator("input[name=end]").fill("14:55")
    row.locator("select[name=room]").select_option(str(plenary.pk))
    row.get_by_role("button").click()

    expect(page.locator(".messagelist .success")).to_contain_text("14:20–14:55")
    assert times(campaigns) == ("14:20", "14:55")
    campaigns.refresh_from_db()
    assert campaigns.room == plenary
    # Lunch is in every room: its row changes its time, and says so.
    row = page.locator(f"#session-form-{lunch.pk}")
    expect(row).to_contain_text(translated(language, "In every room"))
    row.locator("input[name=start]").fill("12:45")
    row.locator("input[name=end]").fill("13:45")
    row.get_by_role("button").click()
    expect(page.locator(".messagelist .success")).to_contain_text("12:45–13:45")
    assert times(lunch) == ("12:45", "13:45")
