"""An organiser adds a session with two speakers in the ten actions the guide
counts (docs/organisers.md, “Adding a session with two speakers”)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conference.models import Event
from programme.models import Room, Session
from tests.browser.actions import Actions
from tests.browser.conftest import log_in, save_screenshot, translated
from tests.factories import SpeakerFactory

TITLE = "Децата – жертви на трафик: защита и връщане"


def pick_in_open_list(page, letters):
    """Type a few letters into the open list and take the first match with
    Enter (one step of the guide, two actions one by one)."""
    page.locator(".select2-search__field").fill(letters)
    # The list answers the typed letters; Enter takes the first match.
    expect(page.locator(".select2-results__option--highlighted")).to_contain_text(
        letters
    )
    page.keyboard.press("Enter")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_organiser_adds_a_session_with_two_speakers_in_ten_actions(
    new_page, site_content, organiser, language
):
    event = Event.objects.current()
    room = Room.objects.get(event=event)
    SpeakerFactory(name_bg="Мария Иванова", name_en="Maria Ivanova")
    SpeakerFactory(name_bg="Георги Петров", name_en="Georgi Petrov")
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/")
    log_in(page, organiser, language)
    act = Actions()

    act(lambda: page.locator(".app-programme tr.model-session a.addlink").click())
    act(lambda: page.locator("#id_title_bg").fill(TITLE))
    act(lambda: page.locator("#id_start_time").fill("14:00"))
    act(lambda: page.locator("#id_duration").fill("45"))
    act(lambda: page.locator("#id_room").select_option(str(room.pk)))
    names = {"bg": ["Мария", "Георги"], "en": ["Maria", "Georgi"]}[language]
    for row, name in enumerate(names):
        act(
            lambda row=row: page.locator(
                f"#session_speakers-{row} .select2-selection"
            ).click()
        )
        act(lambda name=name: pick_in_open_list(page, name))
    save_screenshot(page, f"session-entry-{language}")
    act(lambda: page.locator("input[name=_save]").click())

    expect(page.locator(".messagelist .success")).to_contain_text(TITLE)
    print(
        f"adding a session with two speakers in its form, {language}: {act.summary()}"
    )
    assert act.count <= 10
    session = Session.objects.get(title_bg=TITLE)
    assert session.slug == "detsata-zhertvi-na-trafik-zashtita-i-vrashtane"
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "14:00"
    assert [row.speaker.name_bg for row in session.session_speakers.all()] == [
        "Мария Иванова",
        "Георги Петров",
    ]
    assert session.room == room


LAPTOP = {"width": 1366, "height": 768}
FIRST_FIELDS = [
    "#id_start_time",
    "#id_duration",
    "#id_room",
    "#id_title_bg",
    "#id_title_en",
    "#session_speakers-0 .select2-selection",
    "#session_speakers-1 .select2-selection",
]


def lowest_edge(page, selectors) -> float:
    """How far down the page (in CSS pixels, unscrolled) the lowest of these
    elements ends."""
    return page.evaluate(
        """selectors => {
            window.scrollTo(0, 0);
            return Math.max(...selectors.map(
                selector => document.querySelector(selector)
                    .getBoundingClientRect().bottom
            ));
        }""",
        selectors,
    )


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_fields_filled_first_and_the_warnings_fit_the_first_screen(
    new_page, site_content, organiser, language
):
    event = Event.objects.current()
    speaker = SpeakerFactory(name_bg="Мария Иванова", name_en="Maria Ivanova")
    busy = event.sessions.get(slug="opening")
    busy.session_speakers.create(speaker=speaker)
    page = new_page(viewport=LAPTOP, locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/programme/session/add/")
    log_in(page, organiser, language)
    expect(page.locator("#session_speakers-1 .select2-selection")).to_be_visible()
    # The admin's side menu is open, as it is by default.
    expect(page.locator("#nav-sidebar")).to_be_visible()

    bottom = lowest_edge(page, FIRST_FIELDS)
    print(f"session form, {language}: the fields filled first end at {bottom:.0f} px")
    save_screenshot(page, f"session-form-first-screen-{language}", full_page=False)
    assert bottom <= LAPTOP["height"]

    # A session at the opening's time with its speaker, outside the hours too.
    page.locator("#id_title_bg").fill("Застъпване")
    page.locator("#id_start_time").fill("09:00")
    page.locator("#id_duration").fill("600")
    page.locator("#session_speakers-0 .select2-selection").click()
    page.locator(".select2-search__field").fill(speaker.name_bg[:4])
    expect(page.locator(".select2-results__option--highlighted")).to_be_visible()
    page.keyboard.press("Enter")
    page.locator("input[name=_save]").click()

    button = page.get_by_role(
        "button", name=translated(language, "Save despite these warnings")
    )
    expect(button).to_be_visible()
    warnings = [
        "#session-speaker-warnings li",
        ".field-start_time .errorlist li",
        ".field-duration .errorlist li",
    ]
    for selector in warnings:
        expect(page.locator(selector).first).to_be_visible()
    # Warnings alone ask for a decision, not for corrections.
    expect(page.locator(".errornote")).to_have_count(0)
    # The button is beside the warnings of the fields: right above them.
    below = button.bounding_box()
    first = page.locator(".field-start_time .errorlist li").first.bounding_box()
    assert 0 < first["y"] - (below["y"] + below["height"]) < 120
    bottom = lowest_edge(page, [*warnings, "#session-warnings-decision button"])
    print(f"session form, {language}: warnings and their button end at {bottom:.0f} px")
    save_screenshot(page, f"guide-{language}-session-warnings", full_page=False)
    assert bottom <= LAPTOP["height"]

    button.click()
    expect(page.locator(".messagelist .success")).to_contain_text("Застъпване")
    assert Session.objects.filter(title_bg="Застъпване").exists()
