import pytest

from registrations.models import TokenPurpose, new_token
from tests.factories import RegistrationTokenFactory


def make_token(registration, purpose=TokenPurpose.MANAGE) -> str:
    """A fresh secret link token for `registration`, as an e-mail would carry."""
    token = new_token()
    RegistrationTokenFactory(registration=registration, purpose=purpose, token=token)
    return token


@pytest.fixture
def send_mail_on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the e-mail delivery) at the end of each block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
