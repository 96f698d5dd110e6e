"""What every page says at each moment of the event's life, in both languages.

One event on 20 September 2027 in Sofia: registration closes on 13 September
at 18:00, the doors open at 08:45, the day runs 09:30–17:00. The clock is
moved with time-machine to ten moments; at each, the home, agenda,
registration, manage and check-in pages are read in Bulgarian and English.
"""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from conference.phases import Phase, event_phase
from conference.roles import REGISTRATION_DESK
from registrations.models import RegistrationStatus, TokenPurpose
from registrations.retention import anonymise_registrations
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    UserFactory,
    publish,
)
from tests.registrations.conftest import make_token

pytestmark = pytest.mark.django_db

SOFIA = timezone.get_fixed_timezone(180)  # EEST, the offset on 20 September
DAY = datetime.date(2027, 9, 20)


def sofia(day, hour, minute=0, second=0):
    return datetime.datetime(
        day.year, day.month, day.day, hour, minute, second, tzinfo=SOFIA
    )


# Each moment: the phase, then per page the texts each language must show
# (and, after "!", one it must not show).
MOMENTS = {
    "weeks before": (
        sofia(datetime.date(2027, 8, 20), 12),
        Phase.REGISTRATION_OPEN,
        {
            "home": {
                "en": ["Register to attend", "!Practical information"],
                "bg": ["Регистрирайте се за участие", "!Практическа информация"],
            },
            "register": {"en": ["Seats are limited"], "bg": ["Местата са ограничени"]},
            "agenda": {
                "en": ["!The times below are those of the day"],
                "bg": ["!Конференцията се проведе на"],
            },
            "manage": {
                "en": ["Cancel my registration"],
                "bg": ["Отмяна на регистрацията"],
            },
            "check_in": {
                "en": ["Check-in opens on 20 September 2027 at 08:45."],
                "bg": [
                    "Регистрацията на входа започва на 20 септември 2027 г. в 08:45 ч."
                ],
            },
        },
    ),
    "after the deadline": (
        sofia(datetime.date(2027, 9, 15), 12),
        Phase.REGISTRATION_CLOSED,
        {
            "home": {
                "en": ["The registration deadline has passed", "Practical information"],
                "bg": ["Срокът за регистрация изтече", "Практическа информация"],
            },
            "register": {
                "en": ["Registration closed on 13 September 2027 at 18:00"],
                "bg": ["Регистрацията приключи на 13 септември 2027 г. в 18:00"],
            },
            "agenda": {"en": ["!Happening now"], "bg": ["!В момента"]},
            "manage": {
                "en": ["Cancel my registration"],
                "bg": ["Отмяна на регистрацията"],
            },
            "check_in": {
                "en": ["Check-in opens on 20 September 2027 at 08:45."],
                "bg": [
                    "Регистрацията на входа започва на 20 септември 2027 г. в 08:45 ч."
                ],
            },
        },
    ),
    "08:30 on the day": (
        sofia(DAY, 8, 30),
        Phase.REGISTRATION_CLOSED,
        {
            "home": {
                "en": ["Practical information", "08:45", "Closing conference"],
                "bg": ["Практическа информация", "08:45", "Заключителна конференция"],
            },
            "register": {
                "en": ["The registration deadline has passed"],
                "bg": ["Срокът за регистрация изтече"],
            },
            "agenda": {"en": ["!Happening now"], "bg": ["!В момента"]},
            "manage": {
                "en": ["Cancel my registration"],
                "bg": ["Отмяна на регистрацията"],
            },
            "check_in": {
                "en": [
                    "Check-in opens today at 08:45.",
                    "!check-in is for the day itself",
                ],
                "bg": [
                    "Регистрацията на входа започва днес в 08:45 ч.",
                    "!в самия ден",
                ],
            },
        },
    ),
    "10:40 on the day": (
        sofia(DAY, 10, 40),
        Phase.EVENT_DAY,
        {
            "home": {
                "en": [
                    "The conference is under way",
                    "Registration has closed because the conference is under way",
                    "Happening now",
                    "Panel on prevention",
                    "Hall B",
                    "Closing session",
                    "info@example.org",
                    "!Register to attend",
                ],
                "bg": [
                    "Конференцията е в ход",
                    "Регистрацията е затворена, защото конференцията е в ход",
                    "В момента",
                    "Панел за превенция",
                    "Зала Б",
                    "Закриване",
                    "info@example.org",
                    "!Регистрирайте се за участие",
                ],
            },
            "register": {
                "en": [
                    "Registration has closed because the conference is under way",
                    "info@example.org",
                ],
                "bg": [
                    "Регистрацията е затворена, защото конференцията е в ход",
                    "info@example.org",
                ],
            },
            "agenda": {
                "en": ["Happening now", "The conference is under way"],
                "bg": ["В момента", "Конференцията е в ход"],
            },
            "manage": {
                "en": [
                    "The conference is under way today",
                    "You checked in at 09:00",
                    "!QR code",
                    "!Cancel my registration",
                ],
                "bg": [
                    "Конференцията е в ход днес",
                    "Отбелязани сте на входа в 09:00 ч.",
                    "!QR код",
                    "!Отмяна на регистрацията",
                ],
            },
            "check_in": {
                "en": ["check-in is open"],
                "bg": ["регистрацията на входа е отворена"],
            },
        },
    ),
    "17:05 on the day": (
        sofia(DAY, 17, 5),
        Phase.EVENING,
        {
            "home": {
                "en": [
                    "The conference took place on 20 September 2027",
                    "Conference materials",
                    "!Happening now",
                ],
                "bg": [
                    "Конференцията се проведе на 20 септември 2027",
                    "Материали от конференцията",
                    "!В момента",
                ],
            },
            "register": {
                "en": ["Registration is over"],
                "bg": ["Регистрацията е приключила"],
            },
            "agenda": {
                "en": [
                    "The times below are those of the day",
                    "09:30",
                    "!Happening now",
                ],
                "bg": ["Конференцията се проведе на", "09:30", "!В момента"],
            },
            "manage": {
                "en": ["Download your certificate of attendance"],
                "bg": ["Изтегляне на удостоверението за участие"],
            },
            "check_in": {
                "en": ["The conference has ended. Until midnight, the desk can"],
                "bg": ["Конференцията приключи. До полунощ регистрационният пункт"],
            },
        },
    ),
}
AFTER_PAGES = MOMENTS["17:05 on the day"][2] | {
    "check_in": {
        "en": ["Check-in closed at the end of the conference day, 20 September 2027."],
        "bg": [
            "Регистрацията на входа приключи в края на деня на конференцията – "
            "20 септември 2027 г."
        ],
    }
}
MOMENTS["the evening after"] = (
    sofia(DAY + datetime.timedelta(days=1), 20),
    Phase.AFTER,
    AFTER_PAGES,
)
MOMENTS["midnight after the day"] = (
    sofia(DAY + datetime.timedelta(days=1), 0),
    Phase.AFTER,
    AFTER_PAGES,
)
MOMENTS["a month after"] = (
    sofia(DAY + datetime.timedelta(days=30), 12),
    Phase.AFTER,
    AFTER_PAGES,
)


@pytest.fixture
def day(settings):
    settings.REGISTRATION_RETENTION_DAYS = 90
    with time_machine.travel(sofia(datetime.date(2027, 8, 1), 12), tick=False):
        event = EventFactory(
            date=DAY,
            doors_open_time=datetime.time(8, 45),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(17, 0),
            registration_closes_at=sofia(datetime.date(2027, 9, 13), 18),
            contact_email="info@example.org",
        )
        sessions = [
            ((9, 30), (10, 30), "Откриване", "Opening", "Зала А", "Hall A"),
            ((10, 30), (11, 30), "Панел за превенция", "Panel on prevention", "Зала Б",
             "Hall B"),
            ((11, 30), (17, 0), "Закриване", "Closing session", "Зала А", "Hall A"),
        ]  # fmt: skip
        for start, end, title_bg, title_en, room_bg, room_en in sessions:
            SessionFactory(
                event=event,
                starts_at=sofia(DAY, *start),
                ends_at=sofia(DAY, *end),
                title_bg=title_bg,
                title_en=title_en,
                room=RoomFactory(event=event, name_bg=room_bg, name_en=room_en),
            )
        publish(event)
        attendee = RegistrationFactory(
            event=event, status=RegistrationStatus.CONFIRMED, language="en"
        )
        tokens = {
            "manage": make_token(attendee),
            "check_in": make_token(attendee, TokenPurpose.CHECK_IN),
        }
    desk = UserFactory(username="desk-phases")
    desk.groups.add(Group.objects.get(name=REGISTRATION_DESK))
    return event, tokens, desk


def _arrives_at_nine(event):
    """The attendee is checked in at 09:00 on the day (seen from later)."""
    event.registrations.update(checked_in_at=sofia(DAY, 9, 0))


def _paths(language, tokens):
    return {
        "home": f"/{language}/",
        "register": f"/{language}/register/",
        "agenda": f"/{language}/agenda/",
        "manage": f"/{language}/registration/{tokens['manage']}/",
        "check_in": f"/{language}/check-in/{tokens['check_in']}/",
    }


def _assert_says(text, expected, where):
    for phrase in expected:
        if phrase.startswith("!"):
            assert phrase[1:] not in text, f"{where} shows {phrase[1:]!r}"
        else:
            assert phrase in text, f"{where} lacks {phrase!r}"


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("language", ["bg", "en"])
def test_every_page_reads_right_at_each_moment(client, day, moment, language):
    event, tokens, desk = day
    at, phase, pages = MOMENTS[moment]
    if at > sofia(DAY, 9, 0):
        _arrives_at_nine(event)
    with time_machine.travel(at, tick=False):
        client.force_login(desk)  # a session of that day
        assert event_phase(event).phase == phase
        for page, path in _paths(language, tokens).items():
            response = client.get(path)
            assert response.status_code == 200, (moment, page)
            _assert_says(
                response.content.decode(), pages[page][language], (moment, page)
            )


@pytest.mark.parametrize("language", ["bg", "en"])
def test_after_anonymisation_links_stop_and_the_record_stays(client, day, language):
    event, tokens, desk = day
    _arrives_at_nine(event)
    with time_machine.travel(sofia(DAY + datetime.timedelta(days=92), 3), tick=False):
        client.force_login(desk)
        assert event_phase(event).phase == Phase.ANONYMISED
        assert anonymise_registrations() == 1
        paths = _paths(language, tokens)

        assert client.get(paths["manage"]).status_code == 404
        assert client.get(paths["check_in"]).status_code == 404
        home = client.get(paths["home"]).content.decode()
        register = client.get(paths["register"]).content.decode()
        agenda = client.get(paths["agenda"]).content.decode()

    expected = {
        "en": (
            "The conference took place on 20 September 2027",
            "Registration is over",
        ),
        "bg": (
            "Конференцията се проведе на 20 септември 2027",
            "Регистрацията е приключила",
        ),
    }[language]
    assert expected[0] in home
    assert expected[1] in register
    assert {
        "en": "The times below are those of the day",
        "bg": "Конференцията се проведе на",
    }[language] in agenda
