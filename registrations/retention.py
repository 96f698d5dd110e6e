"""Keeping personal data no longer than needed.

Unconfirmed registrations expire after REGISTRATION_CONFIRMATION_HOURS and
lose their unverified data at once; every registration of a past event is
anonymised REGISTRATION_RETENTION_DAYS after it, keeping only what counts
need. Run from cron by `expire_registrations` and `anonymise_registrations`.

Apps built on this one that keep personal data about the same events (the
invitations' guest list, press accreditations) erase them when asked
(signals.personal_data_erasing), in the same transaction and for the same
events, so everything about an event is erased at once.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from conference.locks import lock_rows
from conference.models import Event
from registrations import locks, signals
from registrations.models import Registration, RegistrationStatus

PERSONAL_FIELDS = (
    "form_of_address",
    "first_name",
    "last_name",
    "email",
    "organisation",
    "position",
    "phone",
    "accessibility_requirements",
    "dietary_requirements",
)


def _erase_personal_data(registration: Registration) -> None:
    for field in PERSONAL_FIELDS:
        setattr(registration, field, "")
    registration.emails.all().delete()


def expire_registration(*, registration: Registration, now: datetime.datetime) -> None:
    """An unconfirmed registration expires; its unverified data is erased."""
    registration.status = RegistrationStatus.EXPIRED
    registration.expired_at = now
    _erase_personal_data(registration)
    registration.save()


def expire_unconfirmed_registrations(*, now: datetime.datetime | None = None) -> int:
    """Expire registrations not confirmed within the confirmation time."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(hours=settings.REGISTRATION_CONFIRMATION_HOURS)
    stale = Registration.objects.filter(
        status=RegistrationStatus.PENDING, created_at__lte=cutoff
    ).values_list("pk", flat=True)
    expired = 0
    for registration_id in list(stale):
        # One short transaction each, under the same locks as a confirmation,
        # so a confirmation in progress either wins or sees the expiry.
        with transaction.atomic():
            registration = locks.lock_registration(registration_id)
            if registration.status == RegistrationStatus.PENDING:
                expire_registration(registration=registration, now=now)
                expired += 1
    return expired


def anonymise_registrations(*, now: datetime.datetime | None = None) -> int:
    """Erase the personal data of registrations for events that ended more
    than REGISTRATION_RETENTION_DAYS ago. Status, type of organisation,
    country, language and interpretation need stay, for counts."""
    now = now or timezone.now()
    last_date = timezone.localdate(now) - datetime.timedelta(
        days=settings.REGISTRATION_RETENTION_DAYS
    )
    with transaction.atomic():
        # The events' rows, as every change of a registration takes them
        # (registrations.locks): a change in progress finishes first, and
        # none starts until the data is gone.
        lock_rows(Event.objects.filter(date__lt=last_date).order_by("pk"))
        due = list(
            Registration.objects.filter(
                event__date__lt=last_date, anonymised_at__isnull=True
            )
        )
        for registration in due:
            _erase_personal_data(registration)
            registration.tokens.all().delete()
            registration.anonymised_at = now
            registration.save()
        past_events = list(
            Event.objects.filter(date__lt=last_date).values_list("pk", flat=True)
        )
        signals.personal_data_erasing.send(sender=None, event_ids=past_events, now=now)
    return len(due)
