"""Press accreditation: a journalist applies with their outlet, the organisers
accredit them or not.

An accredited journalist gets a confirmed registration on a reserved seat
(registrations/reserved.py), with the registrations' ticket e-mail, a press
badge and a line on the press desk's list. Each function asks
invitations.rules first and runs in one transaction.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from conference.locks import lock_event
from invitations import rules
from invitations.emails import queue_press_email
from invitations.exceptions import PressDecisionRefused
from invitations.models import PressAccreditation, PressStatus
from registrations import reserved
from registrations.models import EmailKind, OrganisationType
from registrations.privacy import NOTICE_VERSION

PRESS_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "outlet",
    "position",
    "country",
    "phone",
    "language",
    "needs_interpretation",
    "accessibility_requirements",
)
ACTIVE = (PressStatus.PENDING, PressStatus.ACCEPTED)


def apply_for_press(
    *, event, details: Mapping[str, Any], now: datetime.datetime | None = None
) -> PressAccreditation:
    """Record a journalist's request and acknowledge it by e-mail. An address
    with a request already open gets no second one and no second e-mail (the
    form does not tell visitors who has applied)."""
    now = now or timezone.now()
    rules.check(rules.Action.APPLY_FOR_PRESS, event=event, now=now)
    values = {field: details[field] for field in PRESS_FIELDS if field in details}
    values["email"] = values["email"].strip()
    existing = (
        PressAccreditation.objects.for_event(event)
        .present()
        .filter(status__in=ACTIVE, email__iexact=values["email"])
        .first()
    )
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            accreditation = PressAccreditation.objects.create(
                event=event,
                consent_given_at=now,
                privacy_notice_version=NOTICE_VERSION,
                **values,
            )
            queue_press_email(
                accreditation=accreditation, kind=EmailKind.PRESS_RECEIVED
            )
    except IntegrityError:
        # The same address a moment ago (a double click on PostgreSQL).
        return (
            PressAccreditation.objects.for_event(event)
            .filter(status__in=ACTIVE, email__iexact=values["email"])
            .get()
        )
    return accreditation


def _lock(accreditation_id: int) -> PressAccreditation:
    """The request, re-read under the lock on its event (conference.locks)."""
    event_id = PressAccreditation.objects.values_list("event_id", flat=True).get(
        pk=accreditation_id
    )
    event = lock_event(event_id)
    accreditation = PressAccreditation.objects.get(pk=accreditation_id)
    accreditation.event = event
    return accreditation


def accredit_journalist(
    *, accreditation: PressAccreditation, by, now: datetime.datetime | None = None
) -> PressAccreditation:
    """Accredit: a reserved seat and the ticket by e-mail. Raises
    NoReservedSeatLeft when every reserved seat is taken."""
    now = now or timezone.now()
    rules.check(rules.Action.DECIDE_PRESS, event=accreditation.event, now=now)
    with transaction.atomic():
        accreditation = _lock(accreditation.pk)
        if accreditation.status == PressStatus.ACCEPTED:
            return accreditation
        if accreditation.anonymised_at:
            raise PressDecisionRefused(accreditation.status)
        registration = reserved.seat_invited_person(
            event=accreditation.event,
            details={
                "first_name": accreditation.first_name,
                "last_name": accreditation.last_name,
                "email": accreditation.email,
                "organisation": accreditation.outlet,
                "position": accreditation.position,
                "country": accreditation.country,
                "organisation_type": OrganisationType.MEDIA,
                "phone": accreditation.phone,
                "language": accreditation.language,
                "needs_interpretation": accreditation.needs_interpretation,
                "accessibility_requirements": (
                    accreditation.accessibility_requirements
                ),
            },
            now=now,
        )
        accreditation.status = PressStatus.ACCEPTED
        accreditation.decided_at = now
        accreditation.decided_by = by
        accreditation.registration = registration
        accreditation.save()
    return accreditation


def decline_journalist(
    *, accreditation: PressAccreditation, by, now: datetime.datetime | None = None
) -> PressAccreditation:
    """Not accredited: the journalist is told so, politely, by e-mail. An
    accreditation already granted is not taken back here (cancel the
    registration instead)."""
    now = now or timezone.now()
    rules.check(rules.Action.DECIDE_PRESS, event=accreditation.event, now=now)
    with transaction.atomic():
        accreditation = _lock(accreditation.pk)
        if accreditation.status == PressStatus.DECLINED:
            return accreditation
        if accreditation.status != PressStatus.PENDING or accreditation.anonymised_at:
            raise PressDecisionRefused(accreditation.status)
        accreditation.status = PressStatus.DECLINED
        accreditation.decided_at = now
        accreditation.decided_by = by
        accreditation.save(update_fields=["status", "decided_at", "decided_by"])
        queue_press_email(accreditation=accreditation, kind=EmailKind.PRESS_DECLINED)
    return accreditation
