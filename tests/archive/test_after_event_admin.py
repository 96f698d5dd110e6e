"""After the conference, in the admin: the follow-up e-mail and the
certificates, each previewed in both languages with who gets it and who does
not, sent by an organiser and recorded; and messages to those who came or
did not."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from archive.models import AfterEventKind, AfterEventRecord, Certificate
from registrations import outreach
from registrations.models import (
    Announcement,
    Audience,
    EmailKind,
    OutgoingEmail,
    RegistrationStatus,
)
from registrations.outbox import send_queued_emails
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

SOFIA = timezone.get_default_timezone()
DAY = datetime.date(2027, 9, 20)
EVENING = datetime.datetime(2027, 9, 20, 18, tzinfo=SOFIA)
FOLLOW_UP = "/{language}/admin/archive/aftereventrecord/follow-up/"
CERTIFICATES = "/{language}/admin/archive/aftereventrecord/certificates/"


@pytest.fixture
def day(db):
    """The event with two who came and one who did not, at 18:00 that day."""
    with time_machine.travel(datetime.datetime(2027, 9, 20, 8, tzinfo=SOFIA)):
        event = EventFactory(date=DAY, end_time=datetime.time(17, 0))
        came = [
            RegistrationFactory(
                event=event,
                status=RegistrationStatus.CONFIRMED,
                checked_in_at=timezone.now(),
                first_name=first,
                last_name=last,
                language=language,
            )
            for first, last, language in (
                ("Елена", "Петрова", "bg"),
                ("John", "Smith", "en"),
            )
        ]
        absent = RegistrationFactory(
            event=event,
            status=RegistrationStatus.CONFIRMED,
            first_name="Иван",
            last_name="Неявилия",
        )
    with time_machine.travel(EVENING, tick=False):
        yield event, came, absent


def test_the_follow_up_page_previews_both_languages_and_names_who_gets_it(
    day, organiser_client
):
    _event, _came, _absent = day

    html = organiser_client.get(FOLLOW_UP.format(language="bg")).content.decode()

    assert "Благодарим Ви за участието – Конференция" in html
    assert "Thank you for coming – Conference" in html
    assert "Уважаема госпожо/Уважаеми господине," in html
    assert "Dear [first name] [last name]," in html
    assert "preview-link" not in html and "/registration/[…]/" in html
    assert "2 участници ще го получат (с отбелязано пристигане)" in html
    assert "Петрова, Елена" in html and "Smith, John" in html
    assert "1 потвърден участник няма да го получи (без отбелязано пристигане)" in html
    assert "Неявилия, Иван" in html
    assert 'type="submit" value="Изпращане на писмото след конференцията"' in html
    assert not OutgoingEmail.objects.exists()


def test_sending_the_follow_up_is_recorded_with_who_and_how_many(
    day, organiser_client, organiser
):
    _event, came, absent = day

    done = organiser_client.post(FOLLOW_UP.format(language="en"), follow=True)
    again = organiser_client.post(FOLLOW_UP.format(language="en"), follow=True)
    send_queued_emails()

    html = done.content.decode()
    assert "The follow-up e-mail is queued for 2 attendees" in html
    assert (
        "It was not sent to anyone: every attendee has already received it."
        in again.content.decode()
    )
    record = AfterEventRecord.objects.get()
    assert (record.kind, record.count, record.done_by) == (
        AfterEventKind.FOLLOW_UP,
        2,
        organiser,
    )
    assert record.done_at == EVENING
    assert "organiser" in html  # the list of sendings, on the page it returns to
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        person.email for person in came
    )
    assert not absent.emails.exists()
    assert Certificate.objects.count() == 2


def test_before_the_end_the_page_says_why_and_offers_no_button(day, organiser_client):
    _event, _came, _absent = day
    with time_machine.travel(datetime.datetime(2027, 9, 20, 16, 59, tzinfo=SOFIA)):
        page = organiser_client.get(FOLLOW_UP.format(language="en")).content.decode()
        refused = organiser_client.post(FOLLOW_UP.format(language="en"), follow=True)

    reason = (
        "The follow-up e-mail can be sent once the conference has ended, from "
        "17:00 on 20 September 2027."
    )
    assert reason in page
    assert 'type="submit" value=' not in page
    assert reason in refused.content.decode()
    assert not OutgoingEmail.objects.exists()
    assert not AfterEventRecord.objects.exists()


def test_certificates_are_previewed_then_issued_and_recorded(
    day, organiser_client, organiser
):
    _event, came, _absent = day

    page = organiser_client.get(CERTIFICATES.format(language="en")).content.decode()
    previews = [
        organiser_client.get(
            f"/en/admin/archive/aftereventrecord/certificates/preview-{language}.pdf"
        )
        for language in ("bg", "en")
    ]
    organiser_client.post(CERTIFICATES.format(language="en"))

    assert "2 attendees will get it (checked in)" in page
    assert "Preview in Bulgarian (PDF)" in page
    for preview in previews:
        assert preview["Content-Type"] == "application/pdf"
        assert preview.content.startswith(b"%PDF")
    assert {c.registration_id for c in Certificate.objects.all()} == {
        person.pk for person in came
    }
    record = AfterEventRecord.objects.get()
    assert (record.kind, record.count, record.done_by) == (
        AfterEventKind.CERTIFICATES,
        2,
        organiser,
    )


def test_the_desk_cannot_send_the_follow_up(day, desk_client):
    assert desk_client.get(FOLLOW_UP.format(language="en")).status_code == 403
    assert desk_client.post(FOLLOW_UP.format(language="en")).status_code == 403
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize(
    ("audience", "who"),
    [
        (Audience.ATTENDED, "came"),
        (Audience.NOT_ATTENDED, "absent"),
        (Audience.CONFIRMED, "all"),
        (Audience.WAITLISTED, "waiting"),
    ],
)
def test_messages_reach_those_who_came_or_did_not(day, audience, who):
    event, came, absent = day
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    expected = {
        "came": came,
        "absent": [absent],
        "all": [*came, absent],
        "waiting": [waiting],
    }[who]
    announcement = Announcement.objects.create(
        event=event,
        audience=audience,
        subject_bg="Благодарим",
        subject_en="Thank you",
        body_bg="Текст",
        body_en="Text",
    )

    outreach.send_announcement(announcement=announcement, by=None)

    recipients = set(
        OutgoingEmail.objects.filter(kind=EmailKind.ANNOUNCEMENT).values_list(
            "registration_id", flat=True
        )
    )
    assert recipients == {person.pk for person in expected}
