import re

import pytest
from django.core import mail

from conference.models import RegistrationMode
from invitations.models import InvitationStatus
from tests.factories import EventFactory, GuestFactory

ACCEPT_LINK = re.compile(r"https?://[^/\s]+(/(?:bg|en)/invitation/[\w-]+/accept/)")
DECLINE_LINK = re.compile(r"https?://[^/\s]+(/(?:bg|en)/invitation/[\w-]+/decline/)")


@pytest.fixture
def event(db):
    """A current event with invited guests beside the public: ten reserved
    seats, a hundred public ones."""
    return EventFactory(
        registration_mode=RegistrationMode.MIXED,
        reserved_seats=10,
        invitation_signature_bg="Камелия Димитрова\nСекретар на комисията",
        invitation_signature_en="Kamelia Dimitrova\nSecretary of the Commission",
    )


@pytest.fixture
def invited(event):
    """A guest who has been sent the invitation, in Bulgarian."""
    return GuestFactory(event=event, status=InvitationStatus.SENT)


def last_mail_to(address: str):
    messages = [message for message in mail.outbox if address in message.to]
    assert messages, f"no e-mail to {address}"
    return messages[-1]


def accept_path(address: str) -> str:
    return ACCEPT_LINK.search(last_mail_to(address).body).group(1)


def decline_path(address: str) -> str:
    return DECLINE_LINK.search(last_mail_to(address).body).group(1)
