"""A mail worker killed mid-send: the e-mail goes out again with the same
Message-ID, so the recipient's mail system keeps one; the lease is renewed
while a send takes long.

The attack round killed the worker after the mail server had the message:
it was delivered twice, 10 minutes apart, with different Message-IDs.
"""

import asyncio
import datetime
import email
import email.policy
import signal
import subprocess
import sys
import threading
import time

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from registrations import outbox
from registrations.models import EmailStatus, OutgoingEmail
from tests.factories import OutgoingEmailFactory
from tests.site_process import ROOT, free_port

QUEUE_ONE_EMAIL = """
from conference.models import Event
from registrations.services import register_attendee
register_attendee(event=Event.objects.current(), details={
    "first_name": "Мария", "last_name": "Иванова", "email": "maria@example.org",
    "organisation": "НКБТХ", "position": "експерт", "country": "България",
    "organisation_type": "other", "language": "bg",
})
"""
SHOW_EMAIL = """
from registrations.models import OutgoingEmail
row = OutgoingEmail.objects.get()
lease = row.lease_expires_at.isoformat() if row.lease_expires_at else ""
print("ROW", row.status, row.message_id, lease)
"""
EXPIRE_LEASE = """
from django.utils import timezone
from registrations.models import OutgoingEmail
OutgoingEmail.objects.update(lease_expires_at=timezone.now())
"""


def show_email(manage) -> tuple[str, str, str]:
    output = manage("shell", "-c", SHOW_EMAIL).stdout
    line = next(line for line in output.splitlines() if line.startswith("ROW "))
    return tuple([*line.split()[1:], ""][:3])


class Stalling:
    """Keeps each message, then never answers the first one (the worker is
    killed meanwhile); answers the next ones at once."""

    def __init__(self):
        self.messages = []
        self.first_received = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        if len(self.messages) == 1:
            self.first_received.set()
            await asyncio.sleep(15)  # longer than the test needs
        return "250 OK"


@pytest.fixture
def site(site_process_env):
    env, manage = site_process_env
    env |= {
        "DJANGO_SMTP_HOST": "127.0.0.1",
        "DJANGO_SMTP_TLS": "0",
        "DJANGO_SMTP_TIMEOUT": "30",
    }
    manage("shell", "-c", QUEUE_ONE_EMAIL)
    return env, manage


def test_worker_killed_mid_send_resends_with_the_same_message_id(site):
    env, manage = site
    handler = Stalling()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = env | {"DJANGO_SMTP_PORT": str(port)}
        worker = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "send_queued_emails"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert handler.first_received.wait(30), "the worker never sent"
        status, message_id, lease = show_email(manage)
        assert status == EmailStatus.SENDING
        worker.send_signal(signal.SIGKILL)  # mid-send: the server has it
        worker.wait(timeout=10)
        # The lease runs out (at most 2 minutes; here at once) …
        manage("shell", "-c", EXPIRE_LEASE)
        # … and the next run of the worker sends it again.
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "send_queued_emails"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
        )
    finally:
        controller.stop()

    assert len(handler.messages) == 2
    sent = [
        email.message_from_bytes(envelope.content, policy=email.policy.default)
        for envelope in handler.messages
    ]
    assert sent[0]["Message-ID"] == sent[1]["Message-ID"] == message_id
    assert message_id.startswith("<") and message_id.endswith("@127.0.0.1>")
    status, kept_id, _lease = show_email(manage)
    assert status == EmailStatus.SENT
    assert kept_id == message_id
    assert lease  # it was claimed with a lease while the first send hung


@pytest.mark.django_db(transaction=True)
def test_lease_is_renewed_while_a_send_takes_long():
    row = OutgoingEmailFactory(status=EmailStatus.SENDING)
    OutgoingEmail.objects.filter(pk=row.pk).update(
        lease_expires_at=timezone.now() + datetime.timedelta(seconds=5)
    )
    first = OutgoingEmail.objects.get(pk=row.pk).lease_expires_at

    with outbox.lease_kept(row.pk, every=datetime.timedelta(seconds=0.2)):
        time.sleep(1)  # a slow mail server

    renewed = OutgoingEmail.objects.get(pk=row.pk).lease_expires_at
    assert renewed - first > datetime.timedelta(seconds=60)
    assert renewed - timezone.now() <= outbox.LEASE
