"""An organiser adds a session with two speakers in the ten actions the guide
counts (docs/organisers.md, “Adding a session with two speakers”)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conference.models import Event
from programme.models import Room, Session
from tests.browser.conftest import log_in, save_screenshot
from tests.factories import SpeakerFactory

TITLE = "Децата – жертви на трафик: защита и връщане"


class Actions:
    """Counts what the organiser does: a click, a choice, or typing into one
    field (typing a few letters and Enter into an open list is one)."""

    def __init__(self):
        self.count = 0

    def __call__(self, step):
        step()
        self.count += 1


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
    act(lambda: page.locator("#id_start_time").fill("11:30"))
    act(lambda: page.locator("#id_duration").fill("45"))
    act(lambda: page.locator("#id_room").select_option(str(room.pk)))
    names = {"bg": ["Мария", "Георги"], "en": ["Maria", "Georgi"]}[language]
    for row, name in enumerate(names):
        act(
            lambda row=row: page.locator(
                f"#session_speakers-{row} .select2-selection"
            ).click()
        )
        act(lambda name=name: page.locator(".select2-search__field").fill(name))
        # The list answers the typed letters; Enter takes the first match.
        expect(page.locator(".select2-results__option--highlighted")).to_contain_text(
            name
        )
        page.keyboard.press("Enter")
    save_screenshot(page, f"session-entry-{language}")
    act(lambda: page.locator("input[name=_save]").click())

    expect(page.locator(".messagelist .success")).to_contain_text(TITLE)
    assert act.count <= 10
    session = Session.objects.get(title_bg=TITLE)
    assert session.slug == "detsata-zhertvi-na-trafik-zashtita-i-vrashtane"
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "11:30"
    assert [row.speaker.name_bg for row in session.session_speakers.all()] == [
        "Мария Иванова",
        "Георги Петров",
    ]
    assert session.room == room
