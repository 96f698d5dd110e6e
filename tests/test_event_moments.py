"""What went wrong at particular moments of the event's life, and is right now.

Each test is one reported example: an action done, or a page read, at a
moment it used to get wrong (check-in weeks before, the waiting list after
the event, a 500 on the day, the desk at 08:59, the follow-up's claims, the
hours between the erasure date and the nightly job). The event: 20 September
2027, doors 09:00, 09:30–17:00, personal data kept 90 days.
"""

import datetime
import io
import re
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from archive.models import Certificate, DaySummary
from conference.roles import ORGANISERS, REGISTRATION_DESK
from registrations.models import (
    CheckInUndo,
    EmailKind,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
    TokenPurpose,
)
from registrations.outbox import send_queued_emails
from registrations.retention import anonymise_registrations
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)
from tests.registrations.conftest import event_form_data, make_token, run_action

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SOFIA = timezone.get_default_timezone()
DAY = datetime.date(2027, 9, 20)
WEEKS_BEFORE = datetime.datetime(2027, 8, 30, 12, tzinfo=SOFIA)
ERASED_FROM = datetime.datetime(2027, 12, 20, 0, tzinfo=SOFIA)


def sofia(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=SOFIA)


@pytest.fixture
def event(settings):
    settings.REGISTRATION_RETENTION_DAYS = 90
    with time_machine.travel(sofia(datetime.date(2027, 6, 1), 12), tick=False):
        return EventFactory(
            date=DAY,
            doors_open_time=datetime.time(9, 0),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(17, 0),
        )


def signed_in(group: str) -> Client:
    user = UserFactory(username=f"user-{group}")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def person(event, status=RegistrationStatus.CONFIRMED, **fields):
    return RegistrationFactory(event=event, status=status, **fields)


def page(response) -> str:
    return response.content.decode()


def test_weeks_before_the_desk_and_the_admin_check_nobody_in(event):
    with time_machine.travel(WEEKS_BEFORE, tick=False):
        attendee = person(event, language="en", last_name="Petrova")
        token = make_token(attendee, TokenPurpose.CHECK_IN)
        desk, organiser = signed_in(REGISTRATION_DESK), signed_in(ORGANISERS)

        search = page(desk.get("/en/check-in/", {"q": "Petrova"}))
        by_name = page(
            desk.post("/en/check-in/", {"registration": attendee.pk}, follow=True)
        )
        by_ticket = page(desk.post(f"/en/check-in/{token}/", follow=True))
        _page, by_admin = run_action(organiser, "check_in_registrations", [attendee])

    opens = "Check-in opens on 20 September 2027 at 09:00."
    assert opens in search
    assert 'name="registration"' not in search
    assert f"Petrova: {opens}" in by_name
    assert opens in by_ticket
    assert f"1 left as it was: {opens}" in page(by_admin)
    attendee.refresh_from_db()
    assert attendee.checked_in_at is None
    # So, after the day, no certificate and no follow-up for a check-in
    # that could not have happened.
    with time_machine.travel(sofia(DAY, 18), tick=False):
        call_command("send_follow_up")
    assert not Certificate.objects.exists()
    assert not OutgoingEmail.objects.filter(kind=EmailKind.FOLLOW_UP).exists()


def test_at_08_59_on_the_day_the_desk_says_when_check_in_opens_today(event):
    with time_machine.travel(sofia(DAY, 8, 59), tick=False):
        desk = signed_in(REGISTRATION_DESK)
        english = page(desk.get("/en/check-in/"))
        bulgarian = page(desk.get("/bg/check-in/"))
    with time_machine.travel(sofia(DAY, 9, 0), tick=False):
        open_now = page(desk.get("/en/check-in/"))

    assert "Check-in opens today at 09:00." in english
    assert "for the day itself" not in english
    assert "Регистрацията на входа започва днес в 09:00 ч." in bulgarian
    assert "The conference is under way: check-in is open." in open_now


def test_after_the_event_nobody_is_confirmed_from_the_waiting_list(event):
    with time_machine.travel(sofia(DAY, 18), tick=False):
        waiting = person(event, RegistrationStatus.WAITLISTED, language="en")
        organiser = signed_in(ORGANISERS)
        ask, done = run_action(organiser, "confirm_from_waiting_list", [waiting])

    refused = "The conference has taken place: registrations can no longer be changed."
    assert f"Will be left as it is: {refused}" in page(ask)
    assert f"1 left as it was: {refused}" in page(done)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert not OutgoingEmail.objects.filter(kind=EmailKind.PROMOTED).exists()


@pytest.mark.parametrize(
    "at", [sofia(DAY, 10), sofia(DAY, 18), sofia(DAY + datetime.timedelta(5), 9)]
)
def test_cancelling_in_the_admin_on_and_after_the_day_is_a_message(event, at):
    with time_machine.travel(at, tick=False):
        attendee = person(event)
        organiser = signed_in(ORGANISERS)
        _ask, done = run_action(
            organiser, "cancel_registrations", [attendee], language="bg"
        )

    assert done.status_code == 200
    assert "0 регистрации са отменени." in page(done)
    assert "регистрациите вече не могат да се променят." in page(done)
    attendee.refresh_from_db()
    assert attendee.status == RegistrationStatus.CONFIRMED


def test_raising_the_capacity_on_the_day_seats_nobody_and_says_why(event):
    with time_machine.travel(sofia(DAY, 10), tick=False):
        event.capacity = 1
        event.save()
        person(event)
        waiting = person(event, RegistrationStatus.WAITLISTED)
        organiser = signed_in(ORGANISERS)
        data = event_form_data(event, organiser.user) | {"capacity": 2}
        response = organiser.post(
            f"/en/admin/conference/event/{event.pk}/change/", data, follow=True
        )

    assert (
        "Nobody on the waiting list was given a seat: The conference is under way"
        in page(response)
    )
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED


def test_the_documented_cron_reminds_before_the_day_and_never_sends_the_follow_up(
    event,
):
    guide = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    cron = re.search(r"```cron\n(.*?)```", guide, re.S).group(1)
    commands = re.findall(r"manage\.py (\w+)$", cron, re.M)
    assert commands == [
        "expire_registrations",
        "send_reminders",
        "anonymise_registrations",
    ]
    with time_machine.travel(sofia(DAY - datetime.timedelta(days=2), 9), tick=False):
        attendee = person(event, checked_in_at=None)
        for command in commands:
            call_command(command, stdout=io.StringIO())
    assert attendee.emails.filter(kind=EmailKind.REMINDER).count() == 1

    Registration.objects.filter(pk=attendee.pk).update(checked_in_at=sofia(DAY, 9))
    for moment in (sofia(DAY, 17, 1), sofia(DAY + datetime.timedelta(days=1), 9)):
        with time_machine.travel(moment, tick=False):
            for command in commands:
                call_command(command, stdout=io.StringIO())
    assert not OutgoingEmail.objects.filter(kind=EmailKind.FOLLOW_UP).exists()
    assert attendee.emails.filter(kind=EmailKind.REMINDER).count() == 1


def _follow_up(event, language):
    attendee = person(event, language=language, checked_in_at=sofia(DAY, 9))
    organiser = signed_in(ORGANISERS)
    organiser.post(f"/{language}/admin/archive/aftereventrecord/follow-up/")
    send_queued_emails()
    return attendee.emails.get(kind=EmailKind.FOLLOW_UP).body_text


@pytest.mark.parametrize(
    ("language", "soon"),
    [
        ("en", "will be published on the conference website"),
        ("bg", "ще бъдат публикувани на сайта ѝ"),
    ],
)
def test_the_follow_up_says_materials_will_come_while_none_are_published(
    event, language, soon
):
    with time_machine.travel(sofia(DAY, 18), tick=False):
        text = _follow_up(event, language)

    assert soon in text
    assert "are on the conference website" not in text


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "en",
            [
                "The conference materials are on the conference website:",
                "the summary of the day",
                "slides or recordings of 1 session",
            ],
        ),
        (
            "bg",
            [
                "Материалите от конференцията са на сайта ѝ:",
                "обобщението на деня",
                "презентации или записи от 1 сесия",
            ],
        ),
    ],
)
def test_the_follow_up_names_what_is_published_when_it_is_sent(event, language, lines):
    with time_machine.travel(sofia(DAY, 18), tick=False):
        DaySummary.objects.create(event=event, text_bg="Обобщение", text_en="Summary")
        SessionFactory(event=event, recording_url="https://example.org/recording")
        text = _follow_up(event, language)

    for line in lines:
        assert line in text
    assert "photo" not in text and "снимк" not in text
    assert "will be published" not in text


@pytest.fixture
def erased_day(event):
    """Three confirmed attendees, one with a certificate; the clock five
    minutes into the day the data count as erased, before the job ran."""
    with time_machine.travel(sofia(DAY, 10), tick=False):
        people = [
            person(event, last_name=name, checked_in_at=timezone.now())
            for name in ("Антонова", "Борисов", "Василева")
        ]
    certificate = Certificate.objects.create(registration=people[0])
    token = make_token(people[0])
    with time_machine.travel(ERASED_FROM + datetime.timedelta(minutes=5), tick=False):
        yield people, certificate, token


@pytest.mark.parametrize("job_has_run", [False, True], ids=["before the job", "after"])
def test_from_the_erasure_date_every_page_says_the_data_were_erased(
    erased_day, job_has_run
):
    _people, certificate, token = erased_day
    if job_has_run:
        assert anonymise_registrations() == 3
    desk, organiser = signed_in(REGISTRATION_DESK), signed_in(ORGANISERS)
    erased = (
        "The personal data of the registrations were erased on 20 December 2027, "
        "as the privacy notice says."
    )

    sheet = page(desk.get("/en/desk/sign-in-sheet/"))
    search = page(desk.get("/en/check-in/", {"q": "Антонова"}))
    export = organiser.get("/en/desk/check-in-list.csv", follow=True)
    manage = Client().get(f"/en/registration/{token}/")
    pdf = Client().get(f"/en/registration/{token}/certificate.pdf")
    verify = page(Client().get(f"/en/certificates/{certificate.code}/"))
    admin_list = page(organiser.get("/en/admin/registrations/registration/"))

    assert erased in sheet
    assert "No confirmed attendees" not in sheet
    assert "Антонова" not in sheet
    assert erased in search and 'class="desk-results"' not in search
    assert erased in page(export)
    assert manage.status_code == 404 and pdf.status_code == 404
    if not job_has_run:
        assert erased in page(manage)
    assert "This certificate is genuine" in verify and "Антонова" not in verify
    assert erased in admin_list
    assert 'data-count="confirmed">3<' in search  # the counts stay


def test_an_organiser_undoes_a_check_in_with_a_reason_and_it_is_logged(event):
    with time_machine.travel(sofia(DAY, 10), tick=False):
        attendee = person(event, last_name="Петрова", language="bg")
        desk, organiser = signed_in(REGISTRATION_DESK), signed_in(ORGANISERS)
        desk.post("/bg/check-in/", {"registration": attendee.pk})
        as_desk = page(desk.get("/bg/check-in/", {"q": "Петрова"}))
        as_organiser = page(organiser.get("/bg/check-in/", {"q": "Петрова"}))
        refused = desk.post(
            "/bg/check-in/", {"registration": attendee.pk, "reason": "Грешка"}
        )
    with time_machine.travel(sofia(DAY, 10, 5), tick=False):
        undone = organiser.post(
            "/bg/check-in/",
            {"registration": attendee.pk, "reason": "Отбелязана вместо съименница"},
            follow=True,
        )
        log = page(organiser.get("/bg/admin/registrations/checkinundo/"))

    assert "Отмяна на отбелязаното пристигане" not in as_desk
    assert "Отмяна на отбелязаното пристигане" in as_organiser
    assert refused.status_code == 403
    assert "Отбелязаното пристигане на" in page(undone)
    attendee.refresh_from_db()
    assert attendee.checked_in_at is None
    undo = CheckInUndo.objects.get()
    assert undo.undone_by == organiser.user
    assert undo.checked_in_by == desk.user
    assert undo.checked_in_at == sofia(DAY, 10)
    assert undo.undone_at == sofia(DAY, 10, 5)
    assert undo.reason == "Отбелязана вместо съименница"
    assert "Отбелязана вместо съименница" in log


def test_the_admin_undo_asks_for_the_reason_and_ends_with_the_day(event):
    with time_machine.travel(sofia(DAY, 10), tick=False):
        attendee = person(event, checked_in_at=timezone.now())
        organiser = signed_in(ORGANISERS)
        no_reason, _done = run_action(organiser, "undo_check_ins", [attendee])
        attendee.refresh_from_db()
        assert attendee.checked_in_at is not None
        assert "This field is required." in page(_done)
    with time_machine.travel(sofia(DAY, 17, 30), tick=False):
        _ask, late = run_action(
            organiser, "undo_check_ins", [attendee], reason="Too late"
        )

    assert 'name="reason"' in page(no_reason)
    assert "Check-ins can no longer be undone: the conference has ended" in page(late)
    attendee.refresh_from_db()
    assert attendee.checked_in_at is not None
    assert not CheckInUndo.objects.exists()
