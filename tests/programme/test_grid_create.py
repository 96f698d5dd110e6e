"""A new session from the day grid's dialog: the session form's rules and
warnings, through programme.services.create_session."""

import pytest
from django.utils import timezone

from programme.models import Session
from tests.factories import (
    EventFactory,
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    UserFactory,
    at,
)

JSON = {"HTTP_ACCEPT": "application/json"}


def create_url(language="en"):
    return f"/{language}/admin/programme/session/grid/add/"


@pytest.fixture
def hall(day_event):
    return RoomFactory(event=day_event, name_bg="Зала 1", name_en="Hall 1")


def new_session(event, room, speakers=(), **changes):
    """What the dialog posts: the room and time of the free slot clicked, the
    titles, the kind, the duration and the speakers in the order chosen."""
    data = {
        "event": event.pk,
        "title_bg": "Децата – жертви на трафик",
        "title_en": "Child victims of trafficking",
        "kind": "presentation",
        "start": "14:00",
        "duration": "45",
        "room": room.pk if room else "",
        "speakers": [speaker.pk for speaker in speakers],
        "warnings_seen": "",
    }
    return data | changes


def local(moment):
    return timezone.localtime(moment).strftime("%H:%M")


@pytest.mark.django_db
def test_a_session_with_two_speakers_is_created_in_a_free_slot(
    organiser_client, day_event, hall
):
    second = SpeakerFactory(name_en="Georgi Petrov")
    first = SpeakerFactory(name_en="Maria Ivanova")

    response = organiser_client.post(
        create_url(), new_session(day_event, hall, [first, second]), **JSON
    )

    body = response.json()
    assert response.status_code == 200, body
    session = Session.objects.get(title_en="Child victims of trafficking")
    assert body["message"] == (
        "Saved: “Child victims of trafficking”, 14:00–14:45, Hall 1."
    )
    assert f'id="grid-session-{session.pk}"' in body["block"]
    assert "Maria Ivanova, Georgi Petrov" in body["block"]
    assert f'id="session-form-{session.pk}"' in body["row"]
    assert body["session"]["room"] == hall.pk
    assert session.slug == "detsata-zhertvi-na-trafik"
    assert (local(session.starts_at), local(session.ends_at)) == ("14:00", "14:45")
    assert [row.speaker for row in session.session_speakers.all()] == [first, second]


@pytest.mark.django_db
def test_a_coffee_break_is_created_in_every_room_and_blocks_the_rooms(
    organiser_client, day_event, hall
):
    response = organiser_client.post(
        create_url("bg"),
        new_session(
            day_event,
            hall,
            title_bg="Кафе-пауза",
            title_en="Coffee break",
            kind="break",
            in_every_room="on",
            start="10:30",
            duration="30",
        ),
        **JSON,
    )

    assert response.status_code == 200, response.json()
    coffee = Session.objects.get(title_en="Coffee break")
    assert coffee.in_every_room and coffee.room is None
    assert response.json()["session"]["room"] == "all"
    assert response.json()["message"] == (
        "Запазено: „Кафе-пауза“, 10:30–11:00 ч., във всички зали."
    )
    # Nothing may then be put in any room over it.
    response = organiser_client.post(
        create_url("bg"),
        new_session(
            day_event, RoomFactory(event=day_event, name_bg="Зала 2"), start="10:45"
        ),
        **JSON,
    )
    assert response.status_code == 400
    assert response.json()["message"] == (
        "„Кафе-пауза“ се провежда във всички зали от 10:30 до 11:00 ч."
    )
    assert Session.objects.count() == 1


@pytest.mark.django_db
def test_warnings_are_shown_by_field_and_saved_past_only_as_shown(
    organiser_client, day_event, hall
):
    speaker = SpeakerFactory(name_en="Maria Ivanova")
    busy = SessionFactory(
        event=day_event,
        title_en="Panel A",
        room=RoomFactory(event=day_event, name_bg="Зала 2"),
        starts_at=at(day_event, 14),
        ends_at=at(day_event, 15),
    )
    SessionSpeakerFactory(session=busy, speaker=speaker)
    data = new_session(day_event, hall, [speaker])

    shown = organiser_client.post(create_url(), data, **JSON)

    body = shown.json()
    assert shown.status_code == 400
    assert body["warnings"] == {
        "speakers": [
            "Maria Ivanova speaks in “Child victims of trafficking” (20 September "
            "2027, 14:00–14:45) and in “Panel A” (20 September 2027, 14:00–15:00) "
            "at the same time."
        ]
    }
    assert not Session.objects.filter(title_en="Child victims of trafficking").exists()
    # Accepting other warnings (here: none shown) saves nothing.
    other = organiser_client.post(
        create_url(),
        data | {"save_despite_warnings": "on", "warnings_seen": "0123456789abcdef"},
        **JSON,
    )
    assert other.status_code == 400
    assert other.json()["warnings_seen"] == body["warnings_seen"]

    saved = organiser_client.post(
        create_url(),
        data | {"save_despite_warnings": "on", "warnings_seen": body["warnings_seen"]},
        **JSON,
    )

    assert saved.status_code == 200
    assert Session.objects.filter(title_en="Child victims of trafficking").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title_bg": "", "title_en": ""}, "title_bg", "This field cannot be blank."),
        ({"start": "25:00"}, "start", "Give the start time as hours and minutes"),
        ({"start": ""}, "start", "Give the start time, e.g. 09:30."),
        ({"duration": "7"}, "duration", "Give the duration in steps of 5 minutes"),
        ({"duration": "abc"}, "duration", "Give the duration as a number"),
        ({"duration": "99999999999999999999"}, "duration", "cannot last longer"),
        ({"room": "999999"}, "room", "There is no such room for this event."),
        ({"room": "abc"}, "room", "There is no such room for this event."),
        ({"speakers": ["999999"]}, "speakers", "There is no such speaker."),
        ({"speakers": ["x"]}, "speakers", "There is no such speaker."),
        ({"kind": "party"}, "kind", "Select a valid choice."),
        ({"event": "abc"}, "event", "There is no such event"),
        ({"event": "999999"}, "event", "There is no such event"),
        ({"start": "23:50", "duration": "30"}, "start", "on the day of the event"),
    ],
)
@pytest.mark.django_db
def test_bad_input_gets_a_message_beside_its_field_never_a_500(
    organiser_client, day_event, hall, changes, field, message
):
    response = organiser_client.post(
        create_url(), new_session(day_event, hall) | changes, **JSON
    )

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert message in " ".join(errors[field]), errors
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_a_room_of_another_event_is_refused(organiser_client, day_event, hall):
    elsewhere = RoomFactory(
        event=EventFactory(is_current=False, slug="other"), name_bg="Другаде"
    )

    response = organiser_client.post(
        create_url(), new_session(day_event, elsewhere), **JSON
    )

    assert response.status_code == 400
    assert response.json()["errors"]["room"] == [
        "There is no such room for this event."
    ]


@pytest.mark.django_db
def test_only_organisers_create_sessions(client, desk_client, day_event, hall):
    data = new_session(day_event, hall)

    assert desk_client.post(create_url(), data, **JSON).status_code == 403
    client.logout()
    anonymous = client.post(create_url(), data, **JSON)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
    viewer = UserFactory()
    client.force_login(viewer)
    assert client.post(create_url(), data, **JSON).status_code == 403
    assert client.get(create_url()).status_code == 405
    assert not Session.objects.exists()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_sessions_put_into_one_free_slot_at_once_are_not_both_created():
    import threading

    from django.core.exceptions import ValidationError
    from django.db import connection

    from programme.services import create_session

    event = EventFactory()
    hall = RoomFactory(event=event)
    barrier = threading.Barrier(2)
    outcomes = []

    def create(title):
        try:
            barrier.wait()
            create_session(
                event=event,
                title_bg=title,
                title_en=title,
                kind="presentation",
                starts_at=at(event, 14),
                ends_at=at(event, 14, 45),
                room=hall,
            )
            outcomes.append("created")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=create, args=(title,)) for title in ("Панел", "Доклад")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["created", "refused"]
    assert Session.objects.filter(room=hall).count() == 1
