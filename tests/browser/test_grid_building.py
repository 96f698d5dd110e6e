"""A Bulgarian organiser (the Organisers group, not a superuser) builds the day
on the grid: a session with two speakers added in a free slot, then a whole
day from scratch, each counted in actions as the organisers' guide counts
them (docs/organisers.md, “Building the day on the grid”)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conference.models import Event
from programme.models import Room, Session
from tests.browser.actions import Actions
from tests.browser.conftest import axe_violations, log_in, save_screenshot, translated
from tests.browser.test_agenda_grid import GRID_READY, column, minute_y
from tests.factories import SpeakerFactory

LAPTOP = {"width": 1366, "height": 768}


def click_free_time(page, room, minute):
    """Click a room's column at a minute of the day (its free time there),
    once the grid is laid out and listening."""
    page.wait_for_function(GRID_READY)
    y = minute_y(page, room, minute)
    page.evaluate("offset => window.scrollBy(0, offset)", y - 300)
    box = column(page, room).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, minute_y(page, room, minute) + 2)


def pick_speaker(page, letters):
    """Type a few letters of a name into the dialog's speaker box and take the
    first match with Enter (one action, as in the admin's speaker lists)."""
    search = page.locator("#grid-new-speaker-search")
    search.fill(letters)
    expect(
        page.locator("#grid-new-speaker-options [role=option]").first
    ).to_contain_text(letters)
    search.press("Enter")


def local_times(session):
    return (
        timezone.localtime(session.starts_at).strftime("%H:%M"),
        timezone.localtime(session.ends_at).strftime("%H:%M"),
    )


@pytest.mark.parametrize("language", ["bg", "en"])
def test_organiser_adds_a_session_with_two_speakers_on_the_grid_in_eight_actions(
    new_page, site_content, organiser, language
):
    assert not organiser.is_superuser
    event = Event.objects.current()
    plenary = Room.objects.for_event(event).get()
    SpeakerFactory(name_bg="Мария Иванова", name_en="Maria Ivanova")
    SpeakerFactory(name_bg="Георги Петров", name_en="Georgi Petrov")
    page = new_page(viewport=LAPTOP, locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/")
    log_in(page, organiser, language)
    act = Actions()

    act(
        lambda: page.get_by_role(
            "link", name=translated(language, "Build the day on the grid")
        ).click()
    )
    act(lambda: click_free_time(page, plenary, 14 * 60))
    dialog = page.locator("#grid-new-session")
    expect(dialog).to_be_visible()
    expect(page.locator("#grid-new-start")).to_have_value("14:00")
    expect(page.locator("#grid-new-room")).to_have_value(str(plenary.pk))
    act(lambda: page.locator("#grid-new-title_bg").fill("Децата – жертви на трафик"))
    act(lambda: page.locator("#grid-new-title_en").fill("Child victims of trafficking"))
    act(lambda: page.locator("#grid-new-duration").fill("45"))
    names = {"bg": ["Мари", "Геор"], "en": ["Mari", "Geor"]}[language]
    for letters in names:
        act(lambda letters=letters: pick_speaker(page, letters))
    save_screenshot(page, f"guide-{language}-grid-new-session", full_page=False)
    # The dialog fits the laptop's screen and passes axe's WCAG 2.x rules.
    box = dialog.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"]
    assert axe_violations(page) == ""
    act(
        lambda: dialog.get_by_role(
            "button", name=translated(language, "Save")
        ).first.click()
    )

    title = {"bg": "Децата – жертви на трафик", "en": "Child victims of trafficking"}
    expect(page.locator("#grid-status")).to_contain_text(title[language])
    session = Session.objects.get(title_bg="Децата – жертви на трафик")
    block = column(page, plenary).locator(f"#grid-session-{session.pk}")
    expect(block).to_be_visible()
    expect(block).to_be_focused()
    print(
        f"adding a session with two speakers on the grid, {language}: {act.summary()}"
    )
    assert act.count <= 8
    # One by one, each speaker is two (a few letters typed, Enter).
    assert act.primitives == act.count + 2
    assert local_times(session) == ("14:00", "14:45")
    assert session.room == plenary
    assert session.title_en == "Child victims of trafficking"
    assert [row.speaker.name_bg for row in session.session_speakers.all()] == [
        "Мария Иванова",
        "Георги Петров",
    ]


# The day built from scratch: (Bulgarian title, English title, kind, room
# number or None for every room, start, duration or None for the 30 minutes
# the dialog offers, speakers by the first letters of their Bulgarian names).
DAY = [
    ("Откриване", "Opening", None, 1, "09:00", None, ["Крас"]),
    (
        "Резултати на Програмата",
        "Results of the Programme",
        None,
        1,
        "09:30",
        60,
        ["Мюри"],
    ),
    ("Работна среща: приюти", "Workshop: shelters", None, 2, "09:30", 60, ["Камел"]),
    ("Кафе-пауза", "Coffee break", "break", 1, "10:30", None, []),
    ("Дискусия", "Discussion", None, 1, "11:00", 90, ["Крас", "Мюри", "Камел"]),
    ("Обяд", "Lunch", "lunch", 2, "12:30", 60, []),
]
SPEAKERS = [
    ("Красимир Ципов", "Krasimir Tsipov"),
    ("Мюриел Берсет Кохен", "Muriel Berset Kohen"),
    ("Камелия Димитрова", "Kamelia Dimitrova"),
]
ROOMS = [("Зала „Витоша“", "Vitosha Hall"), ("Зала „Рила“", "Rila Hall")]


@pytest.fixture
def empty_event(transactional_db):
    """The current event with nothing in it yet: no rooms, speakers or sessions."""
    from conference.management.commands.fill_development_values import (
        DEVELOPMENT_VALUES,
    )
    from tests.factories import EventFactory

    return EventFactory(**DEVELOPMENT_VALUES)


def minutes(text):
    hours, rest = text.split(":")
    return int(hours) * 60 + int(rest)


def test_a_bulgarian_organiser_builds_the_day_from_scratch_in_ninety_actions(
    new_page, empty_event, organiser, tmp_path
):
    from tests.conference.test_images import picture_bytes

    assert not organiser.is_superuser
    language = "bg"
    page = new_page(viewport=LAPTOP, locale="bg-BG")
    page.goto("/bg/admin/")
    log_in(page, organiser, language)
    act = Actions()

    # Two rooms.
    act(lambda: page.locator(".app-programme tr.model-room a.addlink").click())
    for index, (name_bg, name_en) in enumerate(ROOMS):
        act(lambda name_bg=name_bg: page.locator("#id_name_bg").fill(name_bg))
        act(lambda name_en=name_en: page.locator("#id_name_en").fill(name_en))
        last = index == len(ROOMS) - 1
        act(
            lambda last=last: page.locator(
                "input[name=_save]" if last else "input[name=_addanother]"
            ).click()
        )
        expect(page.locator(".messagelist .success")).to_contain_text(name_bg)
    rooms = list(Room.objects.for_event(empty_event))
    assert [room.name_bg for room in rooms] == [name for name, _ in ROOMS]

    # Three speakers with photos.
    act(lambda: page.locator("#nav-sidebar tr.model-speaker a.addlink").click())
    for index, (name_bg, name_en) in enumerate(SPEAKERS):
        photo = tmp_path / f"speaker-{index}.jpg"
        photo.write_bytes(picture_bytes("JPEG", size=(400, 500)))
        act(lambda name_bg=name_bg: page.locator("#id_name_bg").fill(name_bg))
        act(lambda name_en=name_en: page.locator("#id_name_en").fill(name_en))
        act(lambda photo=photo: page.locator("#id_photo").set_input_files(photo))
        last = index == len(SPEAKERS) - 1
        act(
            lambda last=last: page.locator(
                "input[name=_save]" if last else "input[name=_addanother]"
            ).click()
        )
        expect(page.locator(".messagelist .success")).to_contain_text(name_bg)

    # The day, on the grid.
    act(lambda: page.get_by_role("link", name=translated(language, "Home")).click())
    act(
        lambda: page.get_by_role(
            "link", name=translated(language, "Build the day on the grid")
        ).click()
    )
    dialog = page.locator("#grid-new-session")
    for title_bg, title_en, kind, room, start, duration, speakers in DAY:
        act(
            lambda room=room, start=start: click_free_time(
                page, rooms[room - 1], minutes(start)
            )
        )
        expect(dialog).to_be_visible()
        expect(page.locator("#grid-new-start")).to_have_value(start)
        act(lambda title_bg=title_bg: page.locator("#grid-new-title_bg").fill(title_bg))
        act(lambda title_en=title_en: page.locator("#grid-new-title_en").fill(title_en))
        if kind:
            act(lambda kind=kind: page.locator("#grid-new-kind").select_option(kind))
            expect(page.locator("#grid-new-in_every_room")).to_be_checked()
        if duration:
            act(
                lambda duration=duration: page.locator("#grid-new-duration").fill(
                    str(duration)
                )
            )
        for letters in speakers:
            act(lambda letters=letters: pick_speaker(page, letters))
        act(lambda: dialog.locator("[data-grid-new-save]").click())
        expect(dialog).to_be_hidden()
        expect(page.locator("#grid-status")).to_contain_text(title_bg)

    save_screenshot(page, "grid-day-built-bg", full_page=True)
    print(f"building the day from scratch, bg: {act.summary()}")
    assert act.count <= 90
    assert act.primitives <= 90

    sessions = {
        session.title_en: session
        for session in Session.objects.filter(event=empty_event).with_speakers()
    }
    assert set(sessions) == {title_en for _, title_en, *_ in DAY}
    for _title_bg, title_en, kind, room, start, duration, speakers in DAY:
        session = sessions[title_en]
        end = minutes(start) + (duration or 30)
        assert local_times(session) == (start, f"{end // 60:02d}:{end % 60:02d}")
        assert session.in_every_room is bool(kind)
        assert session.room == (None if kind else rooms[room - 1])
        assert [
            row.speaker.name_bg[: len(letters)]
            for row, letters in zip(
                session.session_speakers.all(), speakers, strict=True
            )
        ] == speakers
    # The breaks are drawn across both rooms.
    for title_en in ("Coffee break", "Lunch"):
        block = page.locator(f"#grid-session-{sessions[title_en].pk}")
        box = block.bounding_box()
        first = column(page, rooms[0]).bounding_box()
        second = column(page, rooms[1]).bounding_box()
        assert box["x"] <= first["x"] + 4
        assert box["x"] + box["width"] >= second["x"] + second["width"] - 4
