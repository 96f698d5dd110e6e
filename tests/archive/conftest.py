import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfWriter

from registrations.models import RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory


def pdf_bytes(*, password: str | None = None, pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def over_event(db):
    """The current event, which took place two days ago."""
    return EventFactory(date=timezone.localdate() - datetime.timedelta(days=2))


@pytest.fixture
def attendee(over_event):
    return RegistrationFactory(
        event=over_event,
        status=RegistrationStatus.CONFIRMED,
        checked_in_at=timezone.now() - datetime.timedelta(days=2),
        language="en",
        first_name="Elena",
        last_name="Petrova",
        organisation="Secret Organisation",
        email="elena@example.org",
    )
