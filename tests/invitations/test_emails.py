"""The e-mails to guests and journalists: every kind renders in both
languages, without editorial notes, with anything a guest's fields hold
escaped; a failed send leaves no working link behind."""

import pytest
from django.core import mail
from django.utils.html import escape

from invitations.emails import GUEST_KINDS, queue_guest_email, queue_press_email
from invitations.models import InvitationToken
from registrations.emails import render_email
from registrations.models import EmailKind, EmailStatus, OutgoingEmail
from registrations.outbox import send_queued_emails
from tests.factories import GuestFactory, PressAccreditationFactory
from tests.registrations.test_emails import BROKEN_MAILER
from tests.test_escaping import PAYLOADS
from tests.test_publishable import editorial_notes

pytestmark = pytest.mark.django_db


def queue_every_kind(event, language, **fields):
    guest = GuestFactory(event=event, language=language, **fields)
    accreditation = PressAccreditationFactory(
        event=event,
        language=language,
        first_name=fields.get("first_name", "Елена"),
        outlet=fields.get("institution_bg", "БТА"),
    )
    emails = []
    for kind in GUEST_KINDS:
        if kind.startswith("press"):
            emails.append(queue_press_email(accreditation=accreditation, kind=kind))
        else:
            emails.append(queue_guest_email(guest=guest, kind=kind))
    return emails


@pytest.mark.parametrize("language", ["bg", "en"])
def test_every_guest_email_renders_without_editorial_notes(event, language):
    found = {}
    for email in queue_every_kind(event, language):
        rendered = render_email(email)
        text = " ".join([email.subject, rendered.body_text, rendered.body_html])
        assert f'lang="{language}"' in rendered.body_html
        if editorial_notes(text):
            found[email.kind] = editorial_notes(text)

    assert found == {}


@pytest.mark.parametrize("payload", PAYLOADS, ids=["script", "img-onerror"])
def test_payloads_are_escaped_in_every_guest_email(event, payload):
    queue_every_kind(
        event,
        "en",
        first_name=payload,
        position_en=payload,
        institution_en=payload,
        institution_bg=payload,
    )

    send_queued_emails()

    assert len(mail.outbox) == len(GUEST_KINDS)
    for message in mail.outbox:
        html = message.alternatives[0].content
        assert payload not in html, message.subject
        assert escape(payload) in html, message.subject


def test_a_failed_send_leaves_no_working_invitation_link(event, settings):
    settings.MAILERS = BROKEN_MAILER
    queue_guest_email(guest=GuestFactory(event=event), kind=EmailKind.INVITATION)

    send_queued_emails()

    assert OutgoingEmail.objects.get().status == EmailStatus.FAILED
    assert not InvitationToken.objects.exists()
