import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from programme.models import AgendaVersion, Room
from programme.selectors import agenda_changes, changed_sessions
from programme.services import publish_agenda
from tests.factories import EventFactory, RoomFactory, SessionFactory, at
from tests.programme.test_admin import log_in

BEFORE_ROOMS = ("programme", "0003_agenda_versions_and_result_details")
AFTER_ROOMS = ("programme", "0006_session_room_foreign_key")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def latest():
    executor = MigrationExecutor(connection)
    return list(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_rooms_migration_makes_one_room_of_spellings_of_the_same_name():
    event = EventFactory()
    try:
        old = migrate(BEFORE_ROOMS)
        OldSession = old.get_model("programme", "Session")
        start = datetime.datetime(2027, 9, 20, 9, tzinfo=datetime.UTC)
        spellings = [
            ("зала 2", "Hall 2"),
            ("Зала 2", ""),
            ("Зала №2", ""),
            (" Зала  2 ", ""),
            ("", "hall no. 2"),
            ("ЗАЛА Б", "Hall B"),
            ("", ""),
        ]
        for index, (room_bg, room_en) in enumerate(spellings):
            OldSession.objects.create(
                event_id=event.pk,
                slug=f"s{index}",
                title=f"S{index}",
                title_bg=f"С{index}",
                starts_at=start + datetime.timedelta(hours=index),
                ends_at=start + datetime.timedelta(hours=index, minutes=30),
                room=room_bg,
                room_bg=room_bg,
                room_en=room_en,
            )

        new = migrate(AFTER_ROOMS)
        NewSession = new.get_model("programme", "Session")
        NewRoom = new.get_model("programme", "Room")
        rooms = list(NewRoom.objects.order_by("order"))
        assert [(room.name_bg, room.name_en) for room in rooms] == [
            ("зала 2", "Hall 2"),
            ("ЗАЛА Б", "Hall B"),
        ]
        by_slug = {s.slug: s.room_id for s in NewSession.objects.all()}
        assert by_slug == {
            "s0": rooms[0].pk,
            "s1": rooms[0].pk,
            "s2": rooms[0].pk,
            "s3": rooms[0].pk,
            "s4": rooms[0].pk,
            "s5": rooms[1].pk,
            "s6": None,
        }

        old = migrate(BEFORE_ROOMS)
        texts = dict(
            old.get_model("programme", "Session").objects.values_list("slug", "room_bg")
        )
        assert texts["s3"] == "зала 2"
        assert texts["s5"] == "ЗАЛА Б"
        assert not texts["s6"]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest())


@pytest.mark.django_db
def test_room_names_are_unique_ignoring_cyrillic_capitals_and_number_signs():
    event = EventFactory()
    RoomFactory(event=event, name_bg="Зала 2", name_en="Hall 2")
    other_event_room = Room(
        event=EventFactory(slug="other", is_current=False), name_bg="зала 2"
    )
    other_event_room.full_clean()

    for name_bg, name_en in [("зала 2", ""), ("ЗАЛА №2", ""), ("Зала 3", "HALL 2")]:
        room = Room(event=event, name_bg=name_bg, name_en=name_en)
        with translation.override("bg"), pytest.raises(ValidationError) as error:
            room.full_clean()
        assert "Зала 2" in str(error.value)

    Room(event=event, name_bg="Зала 3", name_en="Hall 3").full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name"), [("bg", "Зала „Витоша“"), ("en", "Vitosha Hall")]
)
def test_public_pages_show_the_room_in_the_page_language(client, language, name):
    event = EventFactory()
    room = RoomFactory(
        event=event,
        name_bg="Зала „Витоша“",
        name_en="Vitosha Hall",
        accessibility_bg="Достъпна среда през входа откъм паркинга.",
        accessibility_en="Step-free access through the car park entrance.",
    )
    session = SessionFactory(event=event, slug="panel", room=room)
    publish_agenda(event=event)

    agenda = client.get(f"/{language}/agenda/").content.decode()
    page = client.get(f"/{language}/agenda/{session.slug}/").content.decode()
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/{language}/agenda/{session.slug}.ics").content
    )

    other = "Vitosha Hall" if language == "bg" else "Зала „Витоша“"
    for html in (agenda, page):
        assert name.replace("„", "&bdquo;") in html or name in html
        assert other not in html
    access = {"bg": "Достъпна среда през входа", "en": "Step-free access through"}
    assert access[language] in page
    assert access["en" if language == "bg" else "bg"] not in page
    [entry] = calendar.walk("VEVENT")
    assert str(entry["LOCATION"]).startswith(name)


@pytest.mark.django_db
def test_snapshot_keeps_the_published_room_name_and_a_rename_is_no_change(
    day_event,
):
    room = RoomFactory(event=day_event, name_bg="Зала 1", name_en="Hall 1")
    session = SessionFactory(event=day_event, room=room)
    first = publish_agenda(event=day_event)
    assert first.sessions[str(session.pk)]["room_id"] == room.pk

    room.name_en = "Main hall"
    room.save()
    second = publish_agenda(event=day_event)
    assert changed_sessions(first.sessions, second.sessions) == []
    assert second.sessions[str(session.pk)]["room_en"] == "Main hall"

    session.room = RoomFactory(event=day_event, name_bg="Зала 2", name_en="Hall 2")
    session.save()
    third = publish_agenda(event=day_event)
    [change] = agenda_changes(third)
    with translation.override("en"):
        assert str(change.before.room) == "Main hall"
        assert str(change.session.room) == "Hall 2"


@pytest.mark.django_db
def test_old_snapshots_with_room_names_only_are_still_read(day_event):
    room = RoomFactory(event=day_event, name_bg="Зала 1", name_en="Hall 1")
    session = SessionFactory(event=day_event, room=room)
    old = {
        str(session.pk): {
            "slug": session.slug,
            "starts_at": session.starts_at.isoformat(),
            "ends_at": session.ends_at.isoformat(),
            "room_bg": "Стара зала",
            "room_en": "Old hall",
        }
    }
    AgendaVersion.objects.create(
        event=day_event, number=1, published_at=timezone.now(), sessions=old
    )

    new = publish_agenda(event=day_event)

    [change] = agenda_changes(new)
    with translation.override("bg"):
        assert str(change.before.room) == "Стара зала"
        assert str(change.session.room) == "Зала 1"
    unchanged = {str(session.pk): {**old[str(session.pk)]}}
    assert changed_sessions(old, unchanged) == []


@pytest.mark.django_db
def test_overlap_refusal_is_exact_by_room(day_event):
    hall = RoomFactory(event=day_event, name_bg="Зала 1")
    SessionFactory(
        event=day_event,
        room=hall,
        title_en="Opening",
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 11),
    )
    other_room = SessionFactory.build(
        event=day_event,
        room=RoomFactory(event=day_event, name_bg="Зала 10"),
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 11),
    )
    other_room.full_clean()
    clash = SessionFactory.build(
        event=day_event,
        room=hall,
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 11, 30),
    )
    with pytest.raises(ValidationError):
        clash.full_clean()


@pytest.mark.django_db
def test_a_room_with_sessions_cannot_be_deleted(client, organiser, day_event):
    room = RoomFactory(event=day_event, name_bg="Зала 1")
    SessionFactory(event=day_event, room=room, title_bg="Откриване")
    log_in(client, organiser, "bg")

    page = client.get(f"/bg/admin/programme/room/{room.pk}/delete/").content.decode()
    client.post(f"/bg/admin/programme/room/{room.pk}/delete/", {"post": "yes"})

    assert "Откриване" in page
    assert Room.objects.filter(pk=room.pk).exists()


@pytest.mark.django_db
def test_organiser_adds_a_room_and_a_duplicate_is_refused(client, organiser, day_event):
    RoomFactory(event=day_event, name_bg="Зала 2")
    log_in(client, organiser, "bg")
    data = {
        "event": day_event.pk,
        "name_bg": "ЗАЛА №2",
        "name_en": "",
        "capacity": "80",
        "order": "1",
        "accessibility_bg": "",
        "accessibility_en": "",
    }

    refused = client.post("/bg/admin/programme/room/add/", data).content.decode()
    client.post("/bg/admin/programme/room/add/", data | {"name_bg": "Зала „Витоша“"})

    assert "Събитието вече има зала „Зала 2“" in refused
    assert Room.objects.get(name_bg="Зала „Витоша“").capacity == 80


@pytest.mark.django_db
def test_a_session_takes_only_a_room_of_its_own_event(day_event):
    elsewhere = RoomFactory(event=EventFactory(slug="other", is_current=False))
    session = SessionFactory.build(event=day_event, room=elsewhere)

    with translation.override("bg"), pytest.raises(ValidationError) as error:
        session.full_clean()

    assert error.value.message_dict["room"] == ["Изберете зала на това събитие."]


@pytest.mark.django_db
def test_deleting_an_event_takes_its_rooms_and_sessions_with_it(day_event):
    SessionFactory(event=day_event, room=RoomFactory(event=day_event))

    day_event.delete()

    assert not Room.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "expected", "not_expected"),
    [
        (
            {"name_bg": "Я" * 200},
            "Уверете се, че тази стойност има най-много 150 знака (тя има 200).",
            "Въведете име на залата.",
        ),
        (
            {"capacity": "-5"},
            "Въведете число, по-голямо или равно на 0.",
            "0 .",
        ),
        (
            # Above the database's largest integer, which the backend says
            # (2147483647 on PostgreSQL, 9223372036854775807 on SQLite).
            {"capacity": "99999999999999999999"},
            "Въведете число, по-малко или равно на {maximum}.",
            "{maximum} .",
        ),
    ],
)
def test_room_form_says_one_clear_thing_per_field(
    client, organiser, day_event, changes, expected, not_expected
):
    _minimum, maximum = connection.ops.integer_field_range("PositiveIntegerField")
    expected = expected.replace("{maximum}", str(maximum))
    not_expected = not_expected.replace("{maximum}", str(maximum))
    log_in(client, organiser, "bg")
    data = {
        "event": day_event.pk,
        "name_bg": "Зала 3",
        "name_en": "",
        "capacity": "",
        "order": "0",
        "accessibility_bg": "",
        "accessibility_en": "",
    }

    response = client.post("/bg/admin/programme/room/add/", data | changes)

    page = response.content.decode()
    assert response.status_code == 200
    assert expected in page
    assert not_expected not in page
    assert not Room.objects.exists()
