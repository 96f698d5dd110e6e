"""The models of invitations: the guest list with each guest's invitation and
answer, the secret links of invitations, the press accreditations, and which
outbox e-mail went to whom."""

from invitations.models.guests import (
    ANSWERED_STATUSES,
    Guest,
    GuestCategory,
    GuestEmail,
    InvitationStatus,
    InvitationToken,
)
from invitations.models.press import PressAccreditation, PressStatus

__all__ = [
    "ANSWERED_STATUSES",
    "Guest",
    "GuestCategory",
    "GuestEmail",
    "InvitationStatus",
    "InvitationToken",
    "PressAccreditation",
    "PressStatus",
]
