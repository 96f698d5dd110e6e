import pytest
from django.db import connection

from registrations.models import TokenPurpose, new_token
from tests.factories import RegistrationTokenFactory


@pytest.fixture(autouse=True)
def _postgresql_only(request):
    """Tests marked `postgresql` need real row locks: skip them elsewhere."""
    if request.node.get_closest_marker("postgresql") is None:
        return
    if connection.vendor != "postgresql":
        pytest.skip(
            f"needs PostgreSQL (row locks under concurrency); this run uses "
            f"{connection.vendor}. Set DATABASE_URL=postgres://… to run it."
        )


def make_token(registration, purpose=TokenPurpose.MANAGE) -> str:
    """A fresh secret link token for `registration`, as an e-mail would carry."""
    token = new_token()
    RegistrationTokenFactory(registration=registration, purpose=purpose, token=token)
    return token


@pytest.fixture
def send_mail_on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the e-mail delivery) at the end of each block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
