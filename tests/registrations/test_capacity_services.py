"""The organisers' desk: the capacity changed, and a waitlisted person
given a seat out of turn."""

import datetime

import pytest
from django.utils import timezone, translation

from registrations import exceptions, services
from registrations.models import (
    EmailKind,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
    TokenPurpose,
)
from registrations.outbox import send_queued_emails
from tests.factories import (
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def in_english(refusal) -> str:
    with translation.override("en"):
        return refusal.message


def _waitlisted(event, minutes_ago):
    return RegistrationFactory(
        event=event,
        status=RegistrationStatus.WAITLISTED,
        waitlisted_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
    )


def test_change_event_capacity_promotes_in_order_and_emails(event):
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    last = _waitlisted(event, 1)
    first = _waitlisted(event, 9)

    promoted = services.change_event_capacity(event=event, capacity=2)

    assert promoted == [first]
    event.refresh_from_db()
    assert event.capacity == 2
    first.refresh_from_db()
    assert first.promoted_at is not None
    assert Registration.objects.get(pk=last.pk).status == RegistrationStatus.WAITLISTED
    assert OutgoingEmail.objects.get().kind == EmailKind.PROMOTED
    send_queued_emails()
    assert first.tokens.filter(purpose=TokenPurpose.CHECK_IN).exists()


def test_change_event_capacity_below_confirmed_is_refused(event):
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)

    with pytest.raises(exceptions.CapacityBelowConfirmed) as refused:
        services.change_event_capacity(event=event, capacity=1)

    assert refused.value.confirmed == 2
    event.refresh_from_db()
    assert event.capacity == 100


def test_confirm_from_waiting_list_needs_a_seat_unless_overridden(event):
    event.capacity = 0
    event.save()
    person = _waitlisted(event, 1)

    with pytest.raises(exceptions.NoSeatLeft):
        services.confirm_from_waiting_list(registration=person)
    services.confirm_from_waiting_list(registration=person, override_capacity=True)

    person.refresh_from_db()
    assert person.status == RegistrationStatus.CONFIRMED
    assert OutgoingEmail.objects.get().kind == EmailKind.PROMOTED


def test_confirm_from_waiting_list_refuses_others(event):
    person = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)

    with pytest.raises(exceptions.NotAllowed) as refused:
        services.confirm_from_waiting_list(registration=person)

    assert in_english(refused.value) == "This person already has a seat."
