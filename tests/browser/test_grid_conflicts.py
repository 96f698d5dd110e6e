"""On the day grid a conflict shows where it happens: the place a session is
dragged to turns red with the reason on it before it is let go, and a
warning of the new-session dialog sits beside its field, is announced, and
has “Save despite these warnings” next to it (docs/organisers.md, “The day
grid”)."""

import pytest
from django.utils import translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from conference.models import Event
from programme.models import Room, Session
from tests.browser.conftest import log_in, translated
from tests.browser.test_agenda_grid import (
    block,
    column,
    drag,
    in_room,
    minute_y,
    script_text,
    status,
    times,
)
from tests.browser.test_grid_building import LAPTOP, click_free_time, pick_speaker

RED = "rgb(186, 33, 33)"  # the admin's --error-fg


def outline_colour(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).outlineColor")


def border_colour(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).borderTopColor")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_taken_place_turns_red_while_dragging_with_the_reason_on_it(
    new_page, site_content, organiser, language
):
    event = Event.objects.current()
    plenary = Room.objects.for_event(event).get()
    sustainable = event.sessions.get(slug="sustainable-results")  # 45 minutes
    coffee = event.sessions.get(slug="afternoon-break")  # 15:00–15:15, every room
    page = new_page(viewport=LAPTOP, locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/programme/session/grid/")
    log_in(page, organiser, language)
    target = column(page, plenary).locator(".grid-list")

    # Held over 14:40, it would run into the coffee break.
    drag(
        page,
        block(page, sustainable),
        in_room(page, plenary, 14 * 60 + 40, 4),
        let_go=False,
    )
    with translation.override(language):
        taken = script_text(
            language, "Taken: “%(title)s” is in every room from %(start)s to %(end)s."
        ) % {"title": coffee.title, "start": "15:00", "end": "15:15"}
    ghost = column(page, plenary).locator(".grid-ghost")
    expect(ghost).to_contain_text(taken)
    assert border_colour(ghost.locator("span")) == RED
    assert outline_colour(target) == RED
    assert abs(ghost.bounding_box()["y"] - minute_y(page, plenary, 14 * 60 + 40)) < 4

    # Moved on to a free place, the red goes; let go there, it is saved.
    x, y = in_room(page, plenary, 14 * 60, 4)()
    page.mouse.move(x, y, steps=6)
    expect(ghost).not_to_contain_text(taken)
    assert border_colour(ghost.locator("span")) != RED
    assert outline_colour(target) != RED
    page.mouse.up()
    expect(status(page)).to_contain_text(getattr(sustainable, f"title_{language}"))
    assert times(sustainable) == ("14:00", "14:45")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_warning_in_the_new_session_dialog_sits_beside_its_field(
    new_page, site_content, organiser, language
):
    event = Event.objects.current()
    plenary = Room.objects.for_event(event).get()
    opening = event.sessions.get(slug="opening")  # 09:30–10:15, Krasimir Tsipov
    page = new_page(viewport=LAPTOP, locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/programme/session/grid/")
    log_in(page, organiser, language)
    dialog = page.locator("#grid-new-session")

    click_free_time(page, plenary, 9 * 60 + 30)
    expect(dialog).to_be_visible()
    page.locator("#grid-new-title_bg").fill("Пресконференция")
    page.locator("#grid-new-title_en").fill("Press conference")
    pick_speaker(page, "Крас" if language == "bg" else "Kras")
    dialog.locator("[data-grid-new-save]").click()

    # The warning is beside the speakers, names the day, and is announced.
    with translation.override(language):
        day = date_format(event.date, "DATE_FORMAT")
        name = opening.session_speakers.get(speaker__slug="krasimir-tsipov")
        name = name.speaker.name
        other = opening.title
    warning = page.locator("#grid-new-speakers-problem")
    expect(warning).to_be_visible()
    for part in (name, other, day, "09:30"):
        expect(warning).to_contain_text(part)
    speakers = page.locator("#grid-new-speaker-search").bounding_box()
    below = warning.bounding_box()
    assert 0 <= below["y"] - (speakers["y"] + speakers["height"]) < 120
    assert page.locator("#grid-new-status").get_attribute("aria-live") == "polite"
    expect(page.locator("#grid-new-status")).not_to_be_empty()
    assert not Session.objects.filter(title_bg="Пресконференция").exists()
    # “Save despite these warnings” is next to it, in view, and has the focus.
    despite = dialog.get_by_role(
        "button", name=translated(language, "Save despite these warnings")
    )
    expect(despite).to_be_focused()
    box = despite.bounding_box()
    assert box["y"] + box["height"] <= LAPTOP["height"]
    assert 0 <= box["y"] - (below["y"] + below["height"]) < 200

    despite.click()
    expect(dialog).to_be_hidden()
    session = Session.objects.get(title_bg="Пресконференция")
    # On the grid, the session's card carries the warning.
    card = column(page, plenary).locator(f"#grid-session-{session.pk}")
    expect(card).to_be_focused()
    expect(card.locator("[data-grid-warnings-of-session]")).to_contain_text(name)
