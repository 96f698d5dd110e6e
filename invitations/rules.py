"""Asking the table of registrations.rules about invitations and press
accreditation.

When in the event's life each action on invitations may be done, and what a
refusal says, is in that one table (the actions from `SEND_INVITATIONS` to
`DECIDE_PRESS`, with `RELEASE_RESERVED_SEATS` and `GIVE_RESERVED_SEAT`); this
module only asks it, and adds the one condition that is a setting rather than
a moment: invitations need an event that has invited guests. Every service of
this app calls `check(action, event=…)` first; a view or an admin action shows
the reason `refusal` returns as its message.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from conference.models import Event, RegistrationMode
from invitations.exceptions import InvitationRefused
from registrations.rules import Action, decide

# The actions of this app, as the table names them.
ACTIONS = (
    Action.SEND_INVITATIONS,
    Action.REMIND_GUESTS,
    Action.WITHDRAW_INVITATION,
    Action.ACCEPT_INVITATION,
    Action.DECLINE_INVITATION,
    Action.ADD_DELEGATES,
    Action.APPLY_FOR_PRESS,
    Action.DECIDE_PRESS,
    Action.RELEASE_RESERVED_SEATS,
)
# Actions of the organisers that invite: the event must have invited guests.
NEEDS_INVITED_GUESTS = {Action.SEND_INVITATIONS, Action.REMIND_GUESTS}


def refusal(
    action: Action, *, event: Event, now: datetime.datetime | None = None
) -> str | None:
    """Why `action` is not allowed for `event` now, or None when it is."""
    decision = decide(action, event=event, at=now)
    if not decision.allowed:
        return decision.message
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
