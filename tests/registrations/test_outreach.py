import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from registrations import exceptions, outreach
from registrations.models import (
    Audience,
    EmailKind,
    EmailStatus,
    OutgoingEmail,
    RegistrationStatus,
)
from registrations.outbox import send_queued_emails
from tests.factories import (
    AnnouncementFactory,
    EventFactory,
    OutgoingEmailFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.language_checks import other_language_strings

pytestmark = pytest.mark.django_db


def confirmed(event, **fields):
    return RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, **fields
    )


@pytest.fixture
def soon():
    """An event in two days."""
    return EventFactory(date=timezone.localdate() + datetime.timedelta(days=2))


class TestReminders:
    def test_each_confirmed_attendee_gets_one_reminder(self, soon, then_mail_worker):
        person = confirmed(soon)
        RegistrationFactory(event=soon, status=RegistrationStatus.WAITLISTED)
        RegistrationFactory(event=soon, status=RegistrationStatus.CANCELLED)

        with then_mail_worker():
            first = outreach.send_reminders(days=3)
        with then_mail_worker():
            second = outreach.send_reminders(days=3)

        assert (first, second) == (1, 0)
        assert [message.to for message in mail.outbox] == [[person.email]]
        person.refresh_from_db()
        assert person.reminder_sent_at is not None

    def test_not_before_the_configured_number_of_days(self, soon):
        confirmed(soon)

        assert outreach.send_reminders(days=1) == 0
        assert outreach.send_reminders(days=2) == 1

    def test_not_once_the_conference_has_started(self, soon):
        confirmed(soon)
        started = soon.starts_at + datetime.timedelta(minutes=1)

        assert outreach.send_reminders(days=3, now=started) == 0

    @pytest.mark.parametrize(
        ("language", "subject"),
        [
            ("bg", "Напомняне и потвърждение за участие"),
            ("en", "Reminder and your ticket"),
        ],
    )
    def test_in_their_language_with_ticket_and_cancel_confirmation_link(
        self, soon, then_mail_worker, language, subject, client
    ):
        confirmed(
            soon,
            language=language,
            first_name="Ana",
            last_name="Lee",
            organisation="IOM",
            position="Officer",
            country="Greece",
        )

        with then_mail_worker():
            outreach.send_reminders(days=3)

        message = mail.outbox[0]
        assert message.subject.startswith(subject)
        assert other_language_strings(message.alternatives[0].content, language) == []
        filenames = [
            part.get_filename() for part in message.message().iter_attachments()
        ]
        assert "ticket-qr.png" in filenames
        cancel_link = next(
            line.strip()
            for line in message.body.splitlines()
            if line.strip().endswith("/cancel/")
        )
        path = cancel_link.removeprefix("http://testserver")
        # The link opens a page that asks; only its POST cancels.
        page = client.get(path)
        assert page.status_code == 200
        assert 'method="post"' in page.content.decode()
        assert OutgoingEmail.objects.filter(kind=EmailKind.CANCELLED).count() == 0

    def test_command_uses_days_and_reports(self, soon, settings):
        confirmed(soon)
        out = io.StringIO()

        call_command("send_reminders", "--days", "2", stdout=out)
        call_command("send_reminders", "--days", "2", stdout=io.StringIO())

        assert "Queued 1 reminder(s)." in out.getvalue()
        assert OutgoingEmail.objects.filter(kind=EmailKind.REMINDER).count() == 1


class TestAnnouncements:
    def test_sent_once_to_its_audience_each_in_their_language(self, event):
        bulgarian = confirmed(event, language="bg")
        english = confirmed(
            event, language="en", first_name="Ana", last_name="Lee", organisation="IOM"
        )
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
        announcement = AnnouncementFactory(event=event)
        organiser = UserFactory()

        outreach.send_announcement(announcement=announcement, by=organiser)
        with pytest.raises(exceptions.AnnouncementAlreadySent):
            outreach.send_announcement(announcement=announcement, by=organiser)
        send_queued_emails()

        announcement.refresh_from_db()
        assert announcement.recipient_count == 2
        assert announcement.sent_by == organiser
        by_address = {message.to[0]: message for message in mail.outbox}
        assert set(by_address) == {bulgarian.email, english.email}
        assert by_address[bulgarian.email].subject == "Промяна в програмата"
        assert "Откриването започва в 9:30." in by_address[bulgarian.email].body
        assert by_address[english.email].subject == "A change in the programme"
        assert "The opening starts at 9:30." in by_address[english.email].body
        english_html = by_address[english.email].alternatives[0].content
        assert other_language_strings(english_html, "en") == []

    def test_to_the_waiting_list(self, event):
        confirmed(event)
        waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
        announcement = AnnouncementFactory(event=event, audience=Audience.WAITLISTED)

        outreach.send_announcement(announcement=announcement, by=None)

        assert list(OutgoingEmail.objects.values_list("recipient", flat=True)) == [
            waiting.email
        ]

    def test_admin_action_asks_with_recipient_count_then_queues(
        self, organiser_client, event
    ):
        confirmed(event)
        confirmed(event)
        announcement = AnnouncementFactory(event=event)
        url = "/en/admin/registrations/announcement/"
        data = {"action": "send_announcements", "_selected_action": [announcement.pk]}

        page = organiser_client.post(url, data | {"index": 0})
        done = organiser_client.post(url, data | {"confirmed": "yes"}, follow=True)
        again = organiser_client.post(url, data | {"confirmed": "yes"}, follow=True)

        assert "2 recipients" in page.content.decode()
        assert "is queued for 2 people." in done.content.decode()
        assert "None of the selected items can be acted on." in (
            organiser_client.post(url, data | {"index": 0}).content.decode()
        )
        assert "Nothing was sent" in again.content.decode()
        assert OutgoingEmail.objects.filter(kind=EmailKind.ANNOUNCEMENT).count() == 2

    def test_admin_form_needs_both_languages(self, organiser_client, event):
        response = organiser_client.post(
            "/en/admin/registrations/announcement/add/",
            {
                "event": event.pk,
                "audience": "confirmed",
                "subject_bg": "Тема",
                "body_bg": "Текст",
                "subject_en": "",
                "body_en": "",
            },
        )

        assert response.status_code == 200
        assert "This field is required." in response.content.decode()

    def test_sent_announcement_is_read_only(self, organiser_client, event):
        announcement = AnnouncementFactory(event=event, sent_at=timezone.now())

        page = organiser_client.get(
            f"/en/admin/registrations/announcement/{announcement.pk}/change/"
        )

        assert 'name="subject_bg"' not in page.content.decode()
        assert "Промяна в програмата" in page.content.decode()


def test_resend_last_email_copies_the_most_recent(event):
    person = confirmed(event)
    OutgoingEmailFactory(registration=person, subject="First")
    last = OutgoingEmailFactory(registration=person, subject="Second")

    copy = outreach.resend_last_email(registration=person)

    assert copy.pk != last.pk
    assert (copy.subject, copy.kind, copy.recipient, copy.status) == (
        "Second",
        last.kind,
        last.recipient,
        EmailStatus.QUEUED,
    )


def test_resend_last_email_without_any(event):
    with pytest.raises(exceptions.NoEmailToResend):
        outreach.resend_last_email(registration=confirmed(event))


def test_retry_failed_emails_resets_attempts_of_failed_only(event):
    person = confirmed(event)
    failed = OutgoingEmailFactory(
        registration=person, status=EmailStatus.FAILED, attempts=5
    )
    sent = OutgoingEmailFactory(registration=person, status=EmailStatus.SENT)

    count = outreach.retry_failed_emails(emails=[failed, sent])

    failed.refresh_from_db()
    sent.refresh_from_db()
    assert count == 1
    assert (failed.status, failed.attempts) == (EmailStatus.QUEUED, 0)
    assert sent.status == EmailStatus.SENT
