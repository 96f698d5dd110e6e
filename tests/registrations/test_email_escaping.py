"""Script payloads in content and in a registrant's own fields stay inert in
every e-mail's HTML part."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.html import escape

from archive import services as archive_services
from conference.services import move_event
from invitations.emails import GUEST_KINDS
from programme.services import publish_agenda
from registrations import outreach, services
from registrations.models import EmailKind, OutgoingEmail, Registration
from registrations.outbox import send_queued_emails
from tests.factories import AnnouncementFactory, RegistrationFactory, SessionFactory
from tests.test_escaping import PAYLOADS, fill_every_translated_field

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS, ids=["script", "img-onerror"])
def test_payloads_are_escaped_in_every_email(event, then_mail_worker, payload):
    event.capacity = 1
    event.save()
    announcement = AnnouncementFactory(event=event)
    session = SessionFactory(event=event)
    fill_every_translated_field(payload)
    event.refresh_from_db()
    details = {
        "first_name": "Мария",
        "last_name": "Иванова",
        "organisation": payload,
        "position": payload,
        "country": "България",
        "organisation_type": "ngo",
        "language": "en",
    }
    first = RegistrationFactory(event=event, language="bg", organisation=payload)
    second = RegistrationFactory(event=event, language="en", organisation=payload)
    third = RegistrationFactory(event=event, language="en")

    with then_mail_worker():
        services.register_attendee(
            event=event, details=details | {"email": "new@example.org"}
        )
        services.confirm_registration(registration=first)
        services.register_attendee(
            event=event, details=details | {"email": first.email}
        )
        services.confirm_registration(registration=second)
        services.confirm_registration(registration=third)
        services.leave_waiting_list(registration=third)
        services.cancel_registration(registration=first)
        # A new date before the agenda is published: the attendees are told.
        move_event(event=event, date=event.date + datetime.timedelta(days=1))
        publish_agenda(event=event)
        session.refresh_from_db()
        session.starts_at -= datetime.timedelta(minutes=15)
        session.save()
        publish_agenda(event=event)
        outreach.send_reminders(days=365)
        outreach.send_announcement(announcement=announcement, by=None)
        # After the day, the attendee who came gets the follow-up.
        Registration.objects.filter(pk=second.pk).update(checked_in_at=timezone.now())
        event.date = timezone.localdate() - datetime.timedelta(days=2)
        event.save()
        archive_services.send_follow_up(event=event)
    send_queued_emails()

    kinds = set(OutgoingEmail.objects.values_list("kind", flat=True))
    # Kinds other apps render are checked with those apps (tests/invitations).
    assert kinds == set(EmailKind.values) - set(GUEST_KINDS)
    assert len(mail.outbox) == OutgoingEmail.objects.count()
    for message in mail.outbox:
        html = message.alternatives[0].content
        assert payload not in html, message.subject
        assert escape(payload) in html, message.subject
        assert "\n" not in message.subject
