"""When each action on invitations and press accreditation is allowed, by the
event's phase and registration mode: the one place these rules live.

Every service of this app asks `refusal(action, event=…)` first; a view or
an admin action shows the reason it returns as its message. The registrations'
own services check the phase again under their locks (registrations/reserved.py).
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from conference.models import Event, RegistrationMode
from conference.phases import event_phase
from invitations.exceptions import InvitationRefused


class Action(models.TextChoices):
    SEND_INVITATIONS = "send_invitations", _("Send invitations")
    SEND_REMINDERS = "send_reminders", _("Send reminders")
    ACCEPT_INVITATION = "accept_invitation", _("Accept an invitation")
    DECLINE_INVITATION = "decline_invitation", _("Decline an invitation")
    APPLY_FOR_PRESS = "apply_for_press", _("Apply for press accreditation")
    DECIDE_PRESS = "decide_press", _("Accredit a journalist or not")
    RELEASE_RESERVED_SEATS = "release_reserved_seats", _("Release reserved seats")


# Actions of the organisers that invite: the event must have invited guests.
NEEDS_INVITED_GUESTS = {Action.SEND_INVITATIONS, Action.SEND_REMINDERS}


def refusal(
    action: Action, *, event: Event, now: datetime.datetime | None = None
) -> str | None:
    """Why `action` is not allowed for `event` now, or None when it is."""
    phase = event_phase(event, now)
    if phase.is_anonymised:
        return _(
            "The conference has taken place and the guests’ personal data have "
            "been erased."
        )
    if phase.has_taken_place:
        return _("The conference has taken place.")
    if phase.is_event_day:
        return _(
            "The conference is under way: invitations, accreditations and "
            "reserved seats can no longer be changed."
        )
    if action in NEEDS_INVITED_GUESTS and event.registration_mode == (
        RegistrationMode.OPEN
    ):
        return _(
            "The event’s registration mode is “Open to everyone”. To send "
            "invitations, choose “Open to everyone, with invited guests” or “By "
            "invitation only” in the event’s registration settings."
        )
    return None


def check(action: Action, *, event: Event, now: datetime.datetime | None = None):
    """Raise InvitationRefused, with its reason, when `action` is not allowed."""
    reason = refusal(action, event=event, now=now)
    if reason is not None:
        raise InvitationRefused(reason)
