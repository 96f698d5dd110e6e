"""No working secret at rest: after a whole registration, nothing in the
database opens it, though the e-mails the attendee received do."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from registrations.outbox import send_queued_emails
from tests.registrations.test_views import CONFIRM_LINK, MANAGE_LINK, form_data

pytestmark = pytest.mark.django_db
# Anything shaped like a token: 32+ URL-safe characters.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,100}")
LINK_PATTERNS = (
    "/en/registration/{}/",
    "/en/registration/{}/confirm/",
    "/en/registration/{}/cancel/",
    "/en/check-in/{}/",
)


def test_a_database_dump_after_a_registration_holds_no_working_link(
    client, event, admin_client
):
    client.post("/en/register/", form_data())
    send_queued_emails()
    confirm_path = CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    client.post(confirm_path)
    send_queued_emails()
    manage_path = MANAGE_LINK.search(mail.outbox[-1].body).group(1)
    assert client.get(manage_path).status_code == 200  # the e-mail's link works

    dump = io.StringIO()
    call_command("dumpdata", "--all", stdout=dump)
    candidates = set(TOKEN_SHAPE.findall(dump.getvalue()))

    assert candidates, "the dump should at least hold the tokens' hashes"
    for candidate in candidates:
        for pattern in LINK_PATTERNS:
            response = admin_client.get(pattern.format(candidate))
            assert response.status_code == 404, pattern.format(candidate)
    assert "[…]" in dump.getvalue()  # the sent e-mails' copies, links removed
