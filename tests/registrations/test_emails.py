import datetime
import io
import re
from smtplib import SMTPServerDisconnected

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone

from registrations import services
from registrations.emails import single_line
from registrations.models import EmailStatus, OutgoingEmail, RegistrationStatus
from registrations.outbox import send_queued_emails
from tests.factories import RegistrationFactory
from tests.language_checks import other_language_strings

pytestmark = pytest.mark.django_db

BROKEN_MAILER = {
    "default": {"BACKEND": "tests.registrations.test_emails.BrokenBackend"}
}
WORKING_MAILER = {
    "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
}


def without_links(text):
    return re.sub(r"https?://[^\s<\"]+", "", text)


class BrokenBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def test_ticket_email_in_registrants_language_with_qr_and_calendar(
    event, language, then_mail_worker
):
    registration = RegistrationFactory(
        event=event,
        language=language,
        first_name="Maria",
        last_name="Ivanova",
        organisation="Animus",
    )

    with then_mail_worker():
        services.confirm_registration(registration=registration)

    message = mail.outbox[0]
    html = without_links(message.alternatives[0].content)
    subject = {"bg": "Потвърждение за участие", "en": "Your ticket"}[language]
    assert message.subject.startswith(subject)
    assert event.short_title_bg in message.subject or event.short_title_en in (
        message.subject
    )
    assert other_language_strings(html, language) == []
    assert (
        other_language_strings(f"<p>{without_links(message.body)}</p>", language) == []
    )
    assert f"/{language}/registration/" in message.body
    parts = {part.get_filename(): part for part in message.message().iter_attachments()}
    qr = parts["ticket-qr.png"]
    assert qr.get_content_type() == "image/png"
    assert qr.get_content().startswith(b"\x89PNG")
    assert qr["Content-ID"] == "<ticket-qr@conference>"
    assert 'src="cid:ticket-qr@conference"' in message.alternatives[0].content
    calendar = parts[f"{event.slug}.ics"]
    assert calendar.get_content_type() == "text/calendar"
    assert "BEGIN:VEVENT" in calendar.get_content()


def test_qr_code_encodes_check_in_link_not_manage_link(event, then_mail_worker):
    registration = RegistrationFactory(event=event, language="en")
    with then_mail_worker():
        services.confirm_registration(registration=registration)
    message = mail.outbox[0]

    qr_png = next(
        part.get_content()
        for part in message.message().iter_attachments()
        if part.get_filename() == "ticket-qr.png"
    )
    from registrations.tickets import qr_code_png

    check_in_tokens = registration.tokens.filter(purpose="check_in")
    assert check_in_tokens.count() == 1
    # The QR is the check-in link: rebuilding it from the link gives the same
    # picture; the manage link in the body is a different token.
    manage_link = next(
        line for line in message.body.splitlines() if "/registration/" in line
    )
    assert qr_code_png(manage_link.strip()) != qr_png


def test_mail_server_down_keeps_registration_and_retry_sends_exactly_once(
    event, settings, then_mail_worker
):
    settings.MAILERS = BROKEN_MAILER
    registration = RegistrationFactory(event=event)
    with then_mail_worker():
        services.confirm_registration(registration=registration)

    email = OutgoingEmail.objects.get()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 1
    assert "Connection unexpectedly closed" in email.last_error
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED

    settings.MAILERS = WORKING_MAILER
    call_command("send_queued_emails", stdout=io.StringIO())
    assert mail.outbox == []  # not due yet: the retry waits a minute
    out = io.StringIO()
    with time_machine.travel(email.next_attempt_at, tick=False):
        call_command("send_queued_emails", stdout=out)
        call_command("send_queued_emails", stdout=io.StringIO())

    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.attempts == 2
    assert "Sent 1" in out.getvalue()


def test_send_queued_emails_skips_emails_being_sent_or_sent(event):
    registration = RegistrationFactory(event=event)
    services.confirm_registration(registration=registration)  # queued, not sent
    OutgoingEmail.objects.update(
        status=EmailStatus.SENDING,
        lease_expires_at=timezone.now() + datetime.timedelta(minutes=5),
    )

    assert send_queued_emails() == (0, 0)
    assert mail.outbox == []


def test_header_injection_never_reaches_a_header(event, then_mail_worker):
    event.short_title_en = "Conference\r\nBcc: victim@example.org"
    event.save()

    with then_mail_worker():
        services.register_attendee(
            event=event,
            details={
                "first_name": "Eve\r\nBcc: victim@example.org",
                "last_name": "Smith",
                "email": "eve@example.org",
                "organisation": "X\nTo: other@example.org",
                "position": "",
                "country": "",
                "organisation_type": "other",
                "language": "en",
            },
        )

    message = mail.outbox[0].message()
    assert message["Bcc"] is None
    assert "\n" not in message["Subject"]


def test_single_line_removes_line_breaks_and_controls():
    assert single_line("a\r\nb\x00c\u2028d") == "a b c d"


def test_development_email_is_saved_readable_under_var_mail(
    event, settings, tmp_path, then_mail_worker
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "conference.development_mail.MailFolderBackend",
            "OPTIONS": {"directory": tmp_path / "mail"},
        }
    }
    registration = RegistrationFactory(event=event, language="bg")

    with then_mail_worker():
        services.confirm_registration(registration=registration)

    [folder] = (tmp_path / "mail").iterdir()
    text = (folder / "message.txt").read_text(encoding="utf-8")
    assert "Subject: Потвърждение за участие" in text
    assert f"To: {registration.email}" in text
    # Whole links, in plain UTF-8: no base64, no quoted-printable line breaks.
    assert re.search(r"^http://testserver/bg/registration/[\w-]{20,}/$", text, re.M)
    assert "Content-Transfer-Encoding" not in text
    assert (folder / "ticket-qr.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / f"{event.slug}.ics").exists()
    html = (folder / "message.html").read_text(encoding="utf-8")
    assert 'src="ticket-qr.png"' in html
