"""Entering a session in the admin: a time and a duration on the event's day,
two speaker rows ready, a slug nobody has to type, warnings before saving."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from programme.models import Project, Result, Session, Speaker
from programme.slugs import slug_for, transliterate
from tests.factories import (
    EventFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    UserFactory,
    at,
)
from tests.programme.test_admin import log_in

ADD_URL = "/{language}/admin/programme/session/add/"


def new_session(event, room, speakers=(), **changes):
    """The add form as an organiser fills it: a Bulgarian title, a time, a
    duration, a room and the speakers in the two ready rows."""
    data = {
        "event": event.pk,
        "title_bg": "Резултатите на Програмата",
        "title_en": "",
        "slug": "",
        "kind": "presentation",
        "description_bg": "",
        "description_en": "",
        "start_time": "10:30",
        "duration": "45",
        "room": room.pk,
        "order": 0,
        "language": "",
        "materials_url": "",
        "recording_url": "",
        "session_speakers-TOTAL_FORMS": 2,
        "session_speakers-INITIAL_FORMS": 0,
        "session_speakers-MIN_NUM_FORMS": 0,
        "session_speakers-MAX_NUM_FORMS": 1000,
    }
    for index in range(2):
        speaker = speakers[index] if index < len(speakers) else None
        data |= {
            f"session_speakers-{index}-speaker": speaker.pk if speaker else "",
            f"session_speakers-{index}-role": "speaker",
            f"session_speakers-{index}-order": 0,
        }
    return data | changes


@pytest.mark.parametrize(
    ("bulgarian", "latin"),
    [
        ("България", "Bulgaria"),
        ("Щастие", "Shtastie"),
        ("София", "Sofia"),
        ("Юлия Жечева", "Yulia Zhecheva"),
        ("ъгъл и мирогледът", "agal i mirogledat"),
        ("Цвят, чай", "Tsvyat, chay"),
    ],
)
def test_transliteration_follows_the_official_system(bulgarian, latin):
    assert transliterate(bulgarian) == latin


def test_slug_is_made_unique_with_a_number():
    taken = {"sofia", "sofia-2"}

    assert slug_for("София", taken=taken.__contains__) == "sofia-3"
    assert slug_for("", "Opening", taken=taken.__contains__) == "opening"
    assert slug_for("", "", taken=taken.__contains__, fallback="session") == "session"


@pytest.mark.django_db
def test_add_form_has_two_speaker_rows_and_a_time_and_duration(
    client, organiser, day_event
):
    log_in(client, organiser)

    html = client.get(ADD_URL.format(language="en")).content.decode()

    assert 'name="session_speakers-1-role"' in html
    assert 'name="session_speakers-2-role"' not in html
    assert 'name="start_time"' in html
    assert 'type="time"' in html
    assert 'name="duration"' in html
    assert 'name="starts_at_0"' not in html


@pytest.mark.django_db
def test_organiser_adds_a_session_with_a_bulgarian_title_and_two_speakers(
    client, organiser, day_event
):
    room = RoomFactory(event=day_event)
    speakers = SpeakerFactory.create_batch(2)
    SessionFactory(event=day_event, slug="rezultatite-na-programata", room=None)
    log_in(client, organiser, "bg")

    response = client.post(
        ADD_URL.format(language="bg"), new_session(day_event, room, speakers)
    )

    assert response.status_code == 302, response.content.decode()
    session = Session.objects.get(title_bg="Резултатите на Програмата")
    assert session.slug == "rezultatite-na-programata-2"
    assert timezone.localtime(session.starts_at) == at(day_event, 10, 30)
    assert session.duration == datetime.timedelta(minutes=45)
    assert session.room == room
    assert [row.speaker for row in session.session_speakers.all()] == speakers


@pytest.mark.django_db
def test_change_form_shows_the_saved_time_and_duration(client, organiser, day_event):
    session = SessionFactory(
        event=day_event, starts_at=at(day_event, 14, 5), ends_at=at(day_event, 15, 35)
    )
    log_in(client, organiser)

    html = client.get(
        f"/en/admin/programme/session/{session.pk}/change/"
    ).content.decode()

    assert 'value="14:05"' in html
    assert 'value="90"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "data", "slug"),
    [
        (
            Speaker,
            {"name_bg": "Мария Иванова", "name_en": "", "order": 0},
            "maria-ivanova",
        ),
        (
            Result,
            {
                "category": "guide",
                "title_bg": "Наръчник за България",
                "title_en": "",
                "summary_bg": "Кратко.",
                "summary_en": "",
                "order": 0,
            },
            "narachnik-za-bulgaria",
        ),
        (
            Project,
            {"title_bg": "Подслон", "title_en": "", "order": 0},
            "podslon",
        ),
    ],
)
def test_slugs_are_made_from_bulgarian_only_titles(
    client, organiser, model, data, slug
):
    name = model._meta.model_name
    inline = {
        "session_roles-TOTAL_FORMS": 0,
        "session_roles-INITIAL_FORMS": 0,
        "session_roles-MIN_NUM_FORMS": 0,
        "session_roles-MAX_NUM_FORMS": 1000,
    }
    log_in(client, organiser, "bg")

    response = client.post(
        f"/bg/admin/programme/{name}/add/", {"slug": "", **data, **inline}
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert model.objects.get().slug == slug


@pytest.mark.django_db
def test_a_view_only_user_sees_the_saved_times(client, day_event):
    viewer = UserFactory(username="viewer")
    viewer.user_permissions.add(
        Permission.objects.get(
            codename="view_session", content_type__app_label="programme"
        )
    )
    session = SessionFactory(
        event=day_event, starts_at=at(day_event, 14, 5), ends_at=at(day_event, 15)
    )
    log_in(client, viewer)

    response = client.get(f"/en/admin/programme/session/{session.pk}/change/")

    assert response.status_code == 200
    assert "14:05" in response.content.decode()
    assert 'name="start_time"' not in response.content.decode()


ODD_ENTRIES = [
    {"start_time": "25:99"},
    {"start_time": "-5"},
    {"start_time": "1e9"},
    {"start_time": ""},
    {"start_time": "23:30", "duration": "60"},
    {"duration": "-5"},
    {"duration": "1e9"},
    {"duration": ""},
    {"duration": "99999999999999999999999"},
    {"duration": "47"},
    {"room": "abc"},
    {"room": "99999999999999999999"},
    {"event": "abc"},
    {"title_bg": "Д" * 400},
    {"title_bg": "", "title_en": ""},
    {"slug": "сесия-за-децата"},
    {"session_speakers-0-speaker": "²"},
    {"session_speakers-0-speaker": "abc"},
    {"session_speakers-0-speaker": "99999999999999999999"},
    {"session_speakers-TOTAL_FORMS": "²"},
]


@pytest.mark.django_db
@pytest.mark.parametrize("changes", ODD_ENTRIES)
def test_odd_entries_in_the_session_form_get_a_bulgarian_message(
    client, organiser, day_event, changes
):
    room = RoomFactory(event=day_event)
    log_in(client, organiser, "bg")

    response = client.post(
        ADD_URL.format(language="bg"), new_session(day_event, room) | changes
    )

    assert response.status_code == 200
    page = response.content.decode()
    errors = re.findall(
        r'class="(?:errornote|errorlist[^"]*)"[^>]*>(.*?)</(?:p|ul)>', page, re.S
    )
    assert errors, page
    for error in errors:
        text = re.sub(r"<[^>]+>", " ", error)
        assert re.search("[а-яА-Я]", text), text
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_a_room_of_another_event_is_refused_in_the_session_form(
    client, organiser, day_event
):
    elsewhere = RoomFactory(
        event=EventFactory(is_current=False, date=day_event.date), name_bg="Другаде"
    )
    log_in(client, organiser, "bg")

    response = client.post(
        ADD_URL.format(language="bg"), new_session(day_event, elsewhere)
    )

    assert response.status_code == 200
    assert "Изберете зала на това събитие." in response.content.decode() or (
        "Choose a room of this event." not in response.content.decode()
    )
    assert not Session.objects.exists()
