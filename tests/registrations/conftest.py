import contextlib

import pytest
from django.contrib.auth.models import Group

from conference.roles import ORGANISERS, REGISTRATION_DESK
from registrations.models import TokenPurpose, new_token
from registrations.outbox import send_queued_emails
from tests.factories import RegistrationTokenFactory, UserFactory


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


@pytest.fixture
def organiser(db):
    """A staff account in the Organisers group (not a superuser)."""
    user = UserFactory(username="organiser")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


@pytest.fixture
def desk(db):
    """A staff account in the Registration desk group."""
    user = UserFactory(username="desk")
    user.groups.add(Group.objects.get(name=REGISTRATION_DESK))
    return user


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


@pytest.fixture
def desk_client(client, desk):
    client.force_login(desk)
    return client
