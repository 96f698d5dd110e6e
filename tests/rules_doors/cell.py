"""One cell of the table: the event, the registration, the language and
the people at the doors; and how a door reads what they were told."""

import html
from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.test import Client

from registrations.models import (
    OutgoingEmail,
    Registration,
)
from tests.registrations.conftest import make_token


class SignedIn:
    """Test clients signed in as the organiser and the desk member, each
    made the first time a door needs it (signing in is a tenth of a cell's
    time, and most doors need at most one of them)."""

    def __init__(self, **users):
        self.users = users
        self.clients = {}

    def client(self, role: str) -> Client:
        if role not in self.clients:
            client = Client()
            client.force_login(self.users[role])
            client.user = self.users[role]
            self.clients[role] = client
        return self.clients[role]


@dataclass
class Cell:
    event: object
    registration: Registration
    language: str
    anonymous: Client
    signed_in: SignedIn

    @property
    def organiser(self) -> Client:
        return self.signed_in.client("organiser")

    @property
    def desk(self) -> Client:
        return self.signed_in.client("desk")

    @property
    def manage(self) -> str | None:
        """The registration's page, while it has links (not once erased)."""
        if self.registration.anonymised_at:
            return None
        token = make_token(self.registration)
        return f"/{self.language}/registration/{token}/"

    def fresh(self) -> Registration:
        return Registration.objects.get(pk=self.registration.pk)


def text_of(response) -> str:
    """The messages the response leaves for the next page, and its own text
    unless it is a redirect (rendering the next page would only be slow)."""
    said = [str(message) for message in get_messages(response.wsgi_request)]
    if response.status_code not in (301, 302):
        said.append(response.content.decode())
    return html.unescape(" ".join(said))


def admin_action(cell, action, **extra):
    """The action, confirmed (its confirmation page is tested elsewhere)."""
    url = f"/{cell.language}/admin/registrations/registration/"
    data = {"action": action, "_selected_action": [cell.registration.pk]}
    return text_of(cell.organiser.post(url, {**data, "confirmed": "yes", **extra}))


def run_command(name, *args) -> str:
    try:
        call_command(name, *args, stdout=_Sink())
    except CommandError as error:
        return str(error)
    return ""


class _Sink:
    def write(self, text):
        pass

    def flush(self):
        pass


def emails_of(cell, kind) -> int:
    return OutgoingEmail.objects.filter(
        registration_id=cell.registration.pk, kind=kind
    ).count()
