"""The mail worker against mail servers that are down, hang or are slow.

Registration only writes the outbox row; these tests show that a broken mail
server never reaches the visitor, and that every e-mail is delivered once the
server is back: once, never twice.
"""

import asyncio
import contextlib
import datetime
import socket
import threading
import time

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core import mail
from django.db import connection
from django.utils import timezone

from registrations import services
from registrations.models import EmailStatus, OutgoingEmail, RegistrationStatus
from registrations.outbox import LEASE, retry_delay, send_queued_emails
from tests.factories import RegistrationFactory
from tests.registrations.test_emails import BROKEN_MAILER, WORKING_MAILER
from tests.registrations.test_views import form_data

pytestmark = pytest.mark.django_db


def smtp_mailer(port: int, timeout: float) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "127.0.0.1",
                "port": port,
                "use_tls": False,
                "timeout": timeout,
            },
        }
    }


@contextlib.contextmanager
def hanging_smtp_server():
    """A mail server that accepts the connection and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(50)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


class Recorder:
    """An aiosmtpd handler keeping each message it accepts, after `delay`."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        self.messages.append(envelope)
        return "250 OK"


@contextlib.contextmanager
def smtp_server(delay: float = 0.0):
    handler = Recorder(delay)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, handler
    finally:
        controller.stop()


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def register(client, number: int):
    return client.post(
        "/en/register/",
        form_data(email=f"person{number}@example.org"),
    )


SMTP_TIMEOUT = 2


def test_hanging_mail_server_never_slows_registration_or_pages(client, event, settings):
    """Were the e-mail sent in the request, each registration would wait for
    the SMTP time-out; it answers as fast as without a mail server."""
    client.get("/en/register/")  # warm up templates, as a running site is
    client.get("/en/")
    with hanging_smtp_server() as port:
        settings.MAILERS = smtp_mailer(port, timeout=SMTP_TIMEOUT)
        latencies = []
        for number in range(3):
            response, seconds = timed(lambda n=number: register(client, n))
            assert response.status_code == 302
            latencies.append(seconds)
        page, page_seconds = timed(lambda: client.get("/en/"))
        assert page.status_code == 200

        # The worker meets the hanging server and gives up after its time-out.
        _result, worker_seconds = timed(send_queued_emails)
        assert _result == (0, 3)
    print(
        f"\nregistration while the mail server hangs: max {max(latencies):.3f} s; "
        f"home page {page_seconds:.3f} s; the worker's run {worker_seconds:.1f} s"
    )
    assert worker_seconds >= 3 * SMTP_TIMEOUT  # the server did hang
    assert max(latencies) < SMTP_TIMEOUT
    assert page_seconds < SMTP_TIMEOUT
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {
        EmailStatus.FAILED
    }

    # The server recovers: each e-mail goes out at its next attempt, once.
    with smtp_server() as (port, recorder):
        settings.MAILERS = smtp_mailer(port, timeout=5)
        later = timezone.now() + retry_delay(1)
        with time_machine.travel(later, tick=False):
            assert send_queued_emails() == (3, 0)
            assert send_queued_emails() == (0, 0)
    assert sorted(rcpt for m in recorder.messages for rcpt in m.rcpt_tos) == [
        f"person{number}@example.org" for number in range(3)
    ]


@pytest.mark.django_db(transaction=True)
def test_slow_mail_server_delivers_once_while_registration_stays_fast(
    client, event, settings
):
    """A server that takes 2 s to accept each message (longer than a request
    may take) only slows the worker, in its own thread here."""
    with smtp_server(delay=2) as (port, recorder):
        settings.MAILERS = smtp_mailer(port, timeout=10)
        assert register(client, 0).status_code == 302

        def worker_run():
            try:
                send_queued_emails()
            finally:
                connection.close()

        worker = threading.Thread(target=worker_run)
        worker.start()
        time.sleep(0.3)  # the worker is now waiting for the slow server
        response, seconds = timed(lambda: register(client, 1))
        worker.join()
        send_queued_emails()  # the second registration's e-mail
        send_queued_emails()  # nothing left: nothing is sent twice
    print(f"\nregistration while the mail server is slow: {seconds:.3f} s")
    assert response.status_code == 302
    assert seconds < 2  # the server's delay per message
    assert sorted(rcpt for m in recorder.messages for rcpt in m.rcpt_tos) == [
        "person0@example.org",
        "person1@example.org",
    ]
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {
        EmailStatus.SENT
    }


def test_a_sender_that_died_mid_send_leaves_the_email_to_the_next_run(event):
    registration = RegistrationFactory(event=event)
    services.confirm_registration(registration=registration)
    # A worker claimed it and was killed before it could say how it went.
    OutgoingEmail.objects.update(
        status=EmailStatus.SENDING,
        attempts=1,
        lease_expires_at=timezone.now() + LEASE,
    )

    assert send_queued_emails() == (0, 0)  # the lease still holds
    with time_machine.travel(timezone.now() + LEASE, tick=False):
        assert send_queued_emails() == (1, 0)
        assert send_queued_emails() == (0, 0)
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == EmailStatus.SENT


def test_a_one_hour_outage_delays_every_email_but_loses_none(event, settings):
    """Ten e-mails queued as the mail server goes down for an hour; the
    worker runs every minute (fake clock)."""
    start = timezone.now()
    settings.MAILERS = BROKEN_MAILER
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(10):
            services.confirm_registration(registration=RegistrationFactory(event=event))
        for _minute in range(60):
            send_queued_emails()
            clock.shift(datetime.timedelta(minutes=1))
        assert not OutgoingEmail.objects.exclude(status=EmailStatus.FAILED).exists()

        settings.MAILERS = WORKING_MAILER
        minutes_after_recovery = 0
        while OutgoingEmail.objects.exclude(status=EmailStatus.SENT).exists():
            send_queued_emails()
            clock.shift(datetime.timedelta(minutes=1))
            minutes_after_recovery += 1
            assert minutes_after_recovery <= 60
    print(
        f"\n1-hour outage: {len(mail.outbox)} of 10 e-mails delivered, the last "
        f"{minutes_after_recovery} min after the mail server came back"
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        OutgoingEmail.objects.values_list("recipient", flat=True)
    )
    assert len(mail.outbox) == 10


def test_retries_stop_after_the_retry_days_and_an_organiser_can_send_again(
    event, settings
):
    settings.MAILERS = BROKEN_MAILER
    settings.REGISTRATION_EMAIL_RETRY_DAYS = 1
    start = timezone.now()
    services.confirm_registration(registration=RegistrationFactory(event=event))
    with time_machine.travel(start, tick=False) as clock:
        for _hour in range(24 + 2):
            send_queued_emails()
            clock.shift(datetime.timedelta(hours=1))
        email = OutgoingEmail.objects.get()
        assert email.status == EmailStatus.ABANDONED
        assert email.last_attempt_at > start + datetime.timedelta(hours=23)
    assert 20 < email.attempts < 24 + 10  # hourly, over the whole day

    from registrations import outreach

    settings.MAILERS = WORKING_MAILER
    assert outreach.retry_failed_emails(emails=[email]) == 1
    assert send_queued_emails() == (1, 0)


def test_registration_data_and_status_are_kept_when_mail_fails(event, settings):
    settings.MAILERS = BROKEN_MAILER
    registration = RegistrationFactory(event=event)
    services.confirm_registration(registration=registration)

    assert send_queued_emails() == (0, 1)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    # The links of the e-mail nobody received do not keep working.
    assert not registration.tokens.exists()
