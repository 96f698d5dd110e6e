import contextlib

import pytest

from registrations.models import TokenPurpose, new_token
from registrations.outbox import send_queued_emails
from tests.factories import RegistrationTokenFactory


def make_token(registration, purpose=TokenPurpose.MANAGE) -> str:
    """A fresh secret link token for `registration`, as an e-mail would carry."""
    token = new_token()
    RegistrationTokenFactory(registration=registration, purpose=purpose, token=token)
    return token


@pytest.fixture
def then_mail_worker():
    """At the end of each block, one run of the mail worker, as in production."""

    @contextlib.contextmanager
    def block():
        yield
        send_queued_emails()

    return block
