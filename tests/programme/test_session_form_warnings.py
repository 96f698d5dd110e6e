"""Warnings on the session's form: beside their fields, saved past with the
button beside them, for exactly the warnings shown, and never for an old
warning the session already had."""

import html
import re

import pytest

from programme.models import Session
from tests.factories import (
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    at,
)
from tests.programme.test_admin import log_in
from tests.programme.test_session_entry import ADD_URL, new_session


def seen(page: str) -> str:
    """The fingerprint of the warnings the page shows (its hidden field)."""
    match = re.search(r'name="warnings_seen" value="([0-9a-f]*)"', page)
    return match.group(1) if match else ""


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def field_box(page: str, name: str) -> str:
    """The HTML of the admin's box for one field of a multi-field line."""
    start = page.index(f"fieldBox field-{name}")
    return page[start : page.index("</div>\n", page.index(f'name="{name}"', start))]


@pytest.fixture
def busy_speaker(day_event):
    speaker = SpeakerFactory(name_en="Maria Ivanova", name_bg="Мария Иванова")
    busy = SessionFactory(
        event=day_event,
        title_en="Panel A",
        title_bg="Панел А",
        room=RoomFactory(event=day_event, name_bg="Зала А"),
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 11),
    )
    SessionSpeakerFactory(session=busy, speaker=speaker)
    return speaker


@pytest.mark.django_db
def test_warnings_show_beside_their_fields_and_the_button_saves_past_them(
    client, organiser, day_event, busy_speaker
):
    room = RoomFactory(event=day_event, name_bg="Зала Б")
    log_in(client, organiser)
    data = new_session(
        day_event, room, [busy_speaker], title_en="Panel B", start_time="16:30"
    )

    page = client.post(ADD_URL.format(language="en"), data).content.decode()

    outside = (
        "“Panel B” (20 September 2027, 16:30–17:15) is outside the conference’s "
        "hours, 20 September 2027, 09:00–17:00."
    )
    assert outside in html.unescape(field_box(page, "start_time"))
    assert "Save despite these warnings" in page
    data["start_time"] = "10:30"
    page = client.post(ADD_URL.format(language="en"), data).content.decode()
    speakers = page[page.index('id="session-speaker-warnings"') :]
    assert html.unescape(speakers).startswith(
        'id="session-speaker-warnings">\n  <li>Maria Ivanova speaks in “Panel B” '
        "(20 September 2027, 10:30–11:15) and in “Panel A” (20 September 2027, "
        "10:00–11:00) at the same time."
    )
    # The speaker rows come right after the warning.
    assert speakers.index("session_speakers-group") < 600
    assert not Session.objects.filter(title_en="Panel B").exists()

    response = client.post(
        ADD_URL.format(language="en"),
        data | {"save_despite_warnings": "on", "warnings_seen": seen(page)},
    )

    assert response.status_code == 302
    assert Session.objects.filter(title_en="Panel B").exists()


@pytest.mark.django_db
def test_saving_despite_warnings_counts_only_for_the_warnings_shown(
    client, organiser, day_event, busy_speaker
):
    room = RoomFactory(event=day_event, name_bg="Зала Б")
    log_in(client, organiser, "bg")
    data = new_session(day_event, room, [busy_speaker], start_time="16:30")
    page = client.post(ADD_URL.format(language="bg"), data).content.decode()
    outside_hours = seen(page)
    assert outside_hours

    # The organiser accepts the warning shown, but has meanwhile moved the
    # session onto the speaker's other panel: that is a new warning.
    page = client.post(
        ADD_URL.format(language="bg"),
        data
        | {
            "start_time": "10:30",
            "save_despite_warnings": "on",
            "warnings_seen": outside_hours,
        },
    ).content.decode()

    assert "Мария Иванова участва едновременно" in text_of(page)
    assert seen(page) not in {"", outside_hours}
    assert not Session.objects.filter(title_bg="Резултатите на Програмата").exists()
    # Without the fingerprint of what was shown, the box alone saves nothing.
    page = client.post(
        ADD_URL.format(language="bg"),
        data | {"start_time": "10:30", "save_despite_warnings": "on"},
    )
    assert page.status_code == 200
    assert not Session.objects.filter(title_bg="Резултатите на Програмата").exists()


@pytest.mark.django_db
def test_an_old_warning_never_blocks_an_unrelated_edit(
    client, organiser, day_event, busy_speaker
):
    # Saved earlier despite the warning: the speaker is in two panels at once.
    panel = SessionFactory(
        event=day_event,
        title_en="Panel B",
        room=RoomFactory(event=day_event, name_bg="Зала Б"),
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 11, 15),
    )
    SessionSpeakerFactory(session=panel, speaker=busy_speaker)
    log_in(client, organiser)
    data = new_session(
        day_event,
        panel.room,
        title_en="Panel B",
        description_en="Now with a description.",
    )
    data |= {
        "session_speakers-TOTAL_FORMS": 1,
        "session_speakers-INITIAL_FORMS": 1,
        "session_speakers-0-id": panel.session_speakers.get().pk,
        "session_speakers-0-session": panel.pk,
        "session_speakers-0-speaker": busy_speaker.pk,
        "session_speakers-0-role": "speaker",
        "session_speakers-0-order": 0,
    }
    url = f"/en/admin/programme/session/{panel.pk}/change/"

    response = client.post(url, data)

    assert response.status_code == 302, text_of(response.content.decode())[:2000]
    panel.refresh_from_db()
    assert panel.description_en == "Now with a description."
    # Moving it to the afternoon, outside the hours, is a new warning.
    page = client.post(url, data | {"start_time": "16:45"}).content.decode()
    assert "is outside the conference’s hours" in html.unescape(page)


@pytest.mark.django_db
def test_a_refusal_comes_first_and_offers_no_saving_past_it(
    client, organiser, day_event
):
    room = RoomFactory(event=day_event, name_bg="Зала Б")
    SessionFactory(
        event=day_event,
        title_bg="Панел",
        room=room,
        starts_at=at(day_event, 16, 30),
        ends_at=at(day_event, 17, 30),
    )
    log_in(client, organiser, "bg")
    data = new_session(day_event, room, title_bg="Застъпване", start_time="16:45")

    page = client.post(ADD_URL.format(language="bg"), data).content.decode()

    text = text_of(page)
    refusal = text.find("В тази зала вече се провежда „Панел“ от 16:30 до 17:30 ч.")
    warning = text.find(
        "„Застъпване“ (20 септември 2027 г., 16:45–17:30 ч.) е извън часовете"
    )
    assert -1 < refusal < warning
    assert 'name="save_despite_warnings"' not in page
    assert not Session.objects.filter(title_bg="Застъпване").exists()


@pytest.mark.parametrize("language", ["bg", "en"])
@pytest.mark.django_db
def test_warnings_alone_ask_for_a_decision_not_for_corrections(
    client, organiser, day_event, language
):
    room = RoomFactory(event=day_event, name_bg="Зала Б")
    log_in(client, organiser, language)
    correct = {
        "bg": "Моля, поправете грешката по-долу.",
        "en": "Please correct the error below.",
    }[language]
    corrects = {
        "bg": "Моля, поправете грешките по-долу.",
        "en": "Please correct the errors below.",
    }[language]

    # Outside the conference's hours: a warning only.
    page = text_of(
        client.post(
            ADD_URL.format(language=language),
            new_session(day_event, room, title_bg="Късно", start_time="16:45"),
        ).content.decode()
    )

    assert correct not in page and corrects not in page
    decision = {
        "bg": "Предупрежденията до полетата по-долу изискват Вашето решение",
        "en": "The warnings beside the fields below need your decision",
    }[language]
    assert decision in page
    # A refusal besides (no title at all) still asks for a correction.
    page = text_of(
        client.post(
            ADD_URL.format(language=language),
            new_session(day_event, room, title_bg="", title_en="", start_time="16:45"),
        ).content.decode()
    )
    assert correct in page or corrects in page
    assert decision not in page


@pytest.mark.django_db
def test_chosen_slides_stay_chosen_when_warnings_come_back(
    client, organiser, day_event, django_capture_on_commit_callbacks
):
    from tests.programme.test_slides import pdf, upload

    room = RoomFactory(event=day_event, name_bg="Зала Б")
    log_in(client, organiser, "bg")
    # Outside the conference's hours: a warning, and the slides chosen.
    data = new_session(day_event, room, title_bg="Късно", start_time="16:45")

    page = client.post(
        ADD_URL.format(language="bg"), data | {"slides": upload(pdf())}
    ).content.decode()

    assert "Избрахте „talk.pdf“: файлът е запазен" in html.unescape(page)
    kept = re.search(r'name="slides__kept" value="([^"]+)"', page).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(
            ADD_URL.format(language="bg"),
            data
            | {
                "slides__kept": kept,
                "save_despite_warnings": "on",
                "warnings_seen": seen(page),
            },
        )

    assert saved.status_code == 302
    session = Session.objects.get(title_bg="Късно")
    assert session.slides.name.endswith(".pdf")
