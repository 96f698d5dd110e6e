"""Keeping personal data no longer than needed.

Unconfirmed registrations expire after REGISTRATION_CONFIRMATION_HOURS and
lose their unverified data at once; every registration of a past event is
anonymised once the event reaches its "anonymised" phase
(REGISTRATION_RETENTION_DAYS after it; conference.phases), keeping only what
counts need. Run from cron by `expire_registrations` and, hourly so that it
runs at the phase's first moment, `anonymise_registrations`; until it has
run, every page already treats the data as erased (registrations.rules).

Apps built on this one that keep personal data about the same events (the
invitations' guest list, press accreditations) erase them when asked
(signals.personal_data_erasing), in the same transaction and for the same
events, so everything about an event is erased at once.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from conference.locks import lock_event
from conference.models import Event
from conference.phases import event_phase
from registrations import locks, rules, signals
from registrations.models import CheckInUndo, Registration, RegistrationStatus
from registrations.rules import Action

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
    """Erase the personal data of the registrations of every event whose
    phase is "anonymised" (the table's ANONYMISE). Status, type of
    organisation, country, language and interpretation need stay, for
    counts; the log of undone check-ins keeps who and when, not why."""
    now = now or timezone.now()
    erased = 0
    for event in Event.objects.all():
        phase = event_phase(event, now)
        if not rules.allowed_states(Action.ANONYMISE, phase):
            continue
        with transaction.atomic():
            # The event's row, as every change of a registration takes it
            # (registrations.locks): a change in progress finishes first,
            # and none starts until the data is gone.
            lock_event(event.pk)
            due = list(
                rules.in_states(
                    Registration.objects.for_event(event), Action.ANONYMISE, phase
                )
            )
            for registration in due:
                _erase_personal_data(registration)
                registration.tokens.all().delete()
                registration.anonymised_at = now
                registration.save()
            CheckInUndo.objects.filter(registration__in=due).update(reason="")
            signals.personal_data_erasing.send(
                sender=None, event_ids=[event.pk], now=now
            )
        erased += len(due)
    return erased
