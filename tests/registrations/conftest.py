import pytest
from django.contrib.auth.models import Group

from conference.roles import ORGANISERS, REGISTRATION_DESK
from registrations.models import TokenPurpose, new_token
from tests.factories import RegistrationTokenFactory, UserFactory


def make_token(registration, purpose=TokenPurpose.MANAGE) -> str:
    """A fresh secret link token for `registration`, as an e-mail would carry."""
    token = new_token()
    RegistrationTokenFactory(registration=registration, purpose=purpose, token=token)
    return token


@pytest.fixture
def send_mail_on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the e-mail delivery) at the end of each block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


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
