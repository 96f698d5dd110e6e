"""What each page says to each person at each phase, in both languages.

The registration page of a person in each state (unconfirmed, confirmed,
checked in, waiting, cancelled, expired) at each of the eight phases; the
heading of the registration form and the desk's line at each phase. A
phrase after "!" must not be there (the QR code beside “you checked in”,
“we will e-mail you” on the day, a certificate for a no-show).
"""

import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client

from conference.phases import Phase
from conference.roles import REGISTRATION_DESK
from registrations.rules import State
from tests.factories import UserFactory
from tests.moments import DAY, MOMENTS, make_registration, sofia
from tests.registrations.conftest import make_token

pytestmark = pytest.mark.django_db

BEFORE = (
    Phase.REGISTRATION_NOT_OPEN,
    Phase.REGISTRATION_OPEN,
    Phase.REGISTRATION_CLOSED,
)
TODAY = (Phase.DESK_OPEN, Phase.EVENT_DAY)
OVER = (Phase.EVENING, Phase.AFTER)

# (state, phases) → {language: phrases}
SAYS = [
    (
        State.PENDING,
        BEFORE,
        {
            "en": ["Please confirm your e-mail address", "Confirm my registration"],
            "bg": ["Моля, потвърдете имейл адреса си"],
        },
    ),
    (
        State.PENDING,
        (*TODAY, *OVER),
        {
            "en": [
                "was not confirmed before the conference began",
                "!Confirm my registration",
            ],
            "bg": ["не беше потвърден преди началото на конференцията"],
        },
    ),
    (
        State.CONFIRMED,
        BEFORE,
        {
            "en": ["Your seat was confirmed on", "Cancel my registration"],
            "bg": ["Мястото Ви е потвърдено на", "Отмяна на регистрацията"],
        },
    ),
    (
        State.CONFIRMED,
        TODAY,
        {
            "en": [
                "Please show your ticket’s QR code at the registration desk.",
                "!Cancel my registration",
            ],
            "bg": ["покажете входния си QR код", "!Отмяна на регистрацията"],
        },
    ),
    (
        State.CONFIRMED,
        OVER,
        {
            "en": [
                "you were not checked in at the conference",
                "!QR code",
                "!certificate.pdf",
                "!feedback/",
            ],
            "bg": ["пристигането Ви на конференцията не е отбелязано", "!QR код"],
        },
    ),
    (
        State.CHECKED_IN,
        (*BEFORE, *TODAY),
        {
            "en": ["You checked in at", "!QR code", "!Cancel my registration"],
            "bg": ["Отбелязани сте на входа в", "!QR код"],
        },
    ),
    (
        State.CHECKED_IN,
        OVER,
        {
            "en": [
                "You were checked in at the conference on 20 September 2027",
                "certificate.pdf",
                "feedback/",
                "!QR code",
            ],
            "bg": [
                "Пристигането Ви на конференцията е отбелязано на 20 септември 2027 г.",
                "certificate.pdf",
            ],
        },
    ),
    (
        State.WAITLISTED,
        BEFORE,
        {
            "en": ["You are number 1 on the waiting list", "Leave the waiting list"],
            "bg": [
                "Вие сте под номер 1 в списъка на чакащите",
                "!Регистрацията на входа",
            ],
        },
    ),
    (
        State.WAITLISTED,
        (Phase.DESK_OPEN,),
        {
            "en": [
                "no more seats will be offered: the conference begins today",
                "!we will e-mail you at once",
                "!Leave the waiting list",
            ],
            "bg": ["повече места няма да бъдат предлагани: конференцията започва днес"],
        },
    ),
    (
        State.WAITLISTED,
        (Phase.EVENT_DAY,),
        {
            "en": [
                "no more seats will be offered: the conference is under way",
                "!we will e-mail you at once",
            ],
            "bg": ["повече места няма да бъдат предлагани: конференцията е в ход"],
        },
    ),
    (
        State.WAITLISTED,
        OVER,
        {
            "en": ["no seat became free for you", "!number 1 on the waiting list"],
            "bg": ["за Вас не се освободи място"],
        },
    ),
    (
        State.CANCELLED,
        (Phase.REGISTRATION_OPEN,),
        {
            "en": ["This registration was cancelled on", "You are welcome to register"],
            "bg": [
                "Тази регистрация е отменена на",
                "Можете да се регистрирате отново",
            ],
        },
    ),
    (
        State.CANCELLED,
        (Phase.REGISTRATION_NOT_OPEN, Phase.REGISTRATION_CLOSED, *TODAY, *OVER),
        {
            "en": ["This registration was cancelled on", "!register again"],
            "bg": ["Тази регистрация е отменена на", "!Можете да се регистрирате"],
        },
    ),
    (
        State.EXPIRED,
        (Phase.REGISTRATION_OPEN,),
        {
            "en": ["This registration expired", "You are welcome to register"],
            "bg": ["Тази регистрация е изтекла", "Можете да се регистрирате отново"],
        },
    ),
    (
        State.EXPIRED,
        (Phase.REGISTRATION_NOT_OPEN, Phase.REGISTRATION_CLOSED, *TODAY, *OVER),
        {
            "en": ["This registration expired", "!register again"],
            "bg": ["Тази регистрация е изтекла", "!Можете да се регистрирате"],
        },
    ),
]
CASES = [
    (state, phase, language, phrases[language])
    for state, phases, phrases in SAYS
    for phase in phases
    for language in ("bg", "en")
]
ERASED = {
    "en": [
        "This link no longer works",
        "The personal data of the registrations were erased on 20 December 2027",
    ],
    "bg": [
        "Тази връзка вече не работи",
        "Личните данни от регистрациите са изтрити на 20 декември 2027 г.",
    ],
}


def assert_says(html: str, phrases: list[str], where) -> None:
    for phrase in phrases:
        if phrase.startswith("!"):
            assert phrase[1:] not in html, f"{where} says {phrase[1:]!r}"
        else:
            assert phrase in html, f"{where} lacks {phrase!r}"


def test_every_state_at_every_phase_has_its_words():
    covered = {(state, phase) for state, phase, _language, _says in CASES}
    with_links = [state for state in State if state != State.ANONYMISED]
    phases = [phase for phase in Phase if phase != Phase.ANONYMISED]
    assert covered == {(state, phase) for state in with_links for phase in phases}


@pytest.mark.parametrize(
    ("state", "phase", "language", "phrases"),
    CASES,
    ids=[f"{s.value}-{p.value}-{lang}" for s, p, lang, _says in CASES],
)
def test_the_registration_page_says_what_is_true_then(
    fixed_event,
    state,
    phase,
    language,
    phrases,
):
    event, _organiser, _desk = fixed_event
    with time_machine.travel(MOMENTS[phase], tick=False):
        registration = make_registration(event, state, language)
        if state == State.CHECKED_IN and phase in OVER:
            registration.checked_in_at = sofia(DAY, 9)
            registration.save()
        html = Client().get(f"/{language}/registration/{make_token(registration)}/")

    assert html.status_code == 200
    text = html.content.decode()
    assert f'<html lang="{language}">' in text
    assert_says(text, phrases, (state, phase, language))


@pytest.mark.parametrize("state", [s for s in State if s != State.ANONYMISED])
@pytest.mark.parametrize("language", ["bg", "en"])
def test_once_erased_every_link_says_so(fixed_event, state, language):
    event, _organiser, _desk = fixed_event
    with time_machine.travel(MOMENTS[Phase.ANONYMISED], tick=False):
        registration = make_registration(event, state, language)
        response = Client().get(f"/{language}/registration/{make_token(registration)}/")

    assert response.status_code == 404
    assert_says(response.content.decode(), ERASED[language], state)


HEADINGS = {
    Phase.REGISTRATION_NOT_OPEN: (
        "Registration has not opened yet",
        "Регистрацията все още не е започнала",
    ),
    Phase.REGISTRATION_OPEN: ("Register to attend", "Регистрирайте се за участие"),
    Phase.REGISTRATION_CLOSED: ("Registration is closed", "Регистрацията е затворена"),
    Phase.DESK_OPEN: ("Registration has closed", "Регистрацията е затворена"),
    Phase.EVENT_DAY: ("Registration has closed", "Регистрацията е затворена"),
    Phase.EVENING: ("Registration is over", "Регистрацията е приключила"),
    Phase.AFTER: ("Registration is over", "Регистрацията е приключила"),
    Phase.ANONYMISED: ("Registration is over", "Регистрацията е приключила"),
}
DESK = {
    Phase.REGISTRATION_NOT_OPEN: (
        "Check-in opens on 20 September 2027 at 08:15.",
        "Регистрацията на входа започва на 20 септември 2027 г. в 08:15 ч.",
    ),
    Phase.REGISTRATION_OPEN: (
        "Check-in opens on 20 September 2027 at 08:15.",
        "Регистрацията на входа започва на 20 септември 2027 г. в 08:15 ч.",
    ),
    Phase.REGISTRATION_CLOSED: (
        "Check-in opens today at 08:15.",
        "Регистрацията на входа започва днес в 08:15 ч.",
    ),
    Phase.DESK_OPEN: (
        "Check-in is open; the doors open at 08:45.",
        "Регистрацията на входа е отворена; вратите се отварят в 08:45 ч.",
    ),
    Phase.EVENT_DAY: (
        "The conference is under way: check-in is open.",
        "Конференцията е в ход: регистрацията на входа е отворена.",
    ),
    Phase.EVENING: (
        "Until midnight, the desk can still record arrivals",
        "До полунощ регистрационният пункт може още да отбелязва пристигания",
    ),
    Phase.AFTER: (
        "Check-in closed at the end of the conference day, 20 September 2027.",
        "Регистрацията на входа приключи в края на деня на конференцията",
    ),
    Phase.ANONYMISED: (
        "The personal data of the registrations were erased on 20 December 2027",
        "Личните данни от регистрациите са изтрити на 20 декември 2027 г.",
    ),
}


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_register_heading_and_the_desk_follow_the_phase(
    fixed_event,
    phase,
    language,
):
    index = 1 if language == "bg" else 0
    with time_machine.travel(MOMENTS[phase], tick=False):
        desk = UserFactory(username="desk-by-phase")
        desk.groups.add(Group.objects.get(name=REGISTRATION_DESK))
        client = Client()
        client.force_login(desk)
        register = client.get(f"/{language}/register/").content.decode()
        at_the_desk = client.get(f"/{language}/check-in/").content.decode()

    heading = re.search(r"<h1>(.*?)</h1>", register).group(1)
    assert heading == HEADINGS[phase][index]
    assert DESK[phase][index] in at_the_desk
