"""The models of registrations, one module per part: registrations and their
links, the outbox, and what organisers send or export. Django finds them here."""

from registrations.models.check_in import CheckInUndo
from registrations.models.outbox import (
    RETRYABLE_STATUSES,
    EmailKind,
    EmailStatus,
    OutgoingEmail,
)
from registrations.models.outreach import Announcement, Audience, ExportLog
from registrations.models.ratelimit import PostRate
from registrations.models.registration import (
    ACTIVE_STATUSES,
    FormOfAddress,
    OrganisationType,
    Registration,
    RegistrationStatus,
    RegistrationToken,
    SeatQuota,
    TokenPurpose,
    hash_token,
    new_token,
)

__all__ = [
    "ACTIVE_STATUSES",
    "RETRYABLE_STATUSES",
    "Announcement",
    "Audience",
    "CheckInUndo",
    "EmailKind",
    "EmailStatus",
    "ExportLog",
    "FormOfAddress",
    "OrganisationType",
    "OutgoingEmail",
    "PostRate",
    "Registration",
    "RegistrationStatus",
    "RegistrationToken",
    "SeatQuota",
    "TokenPurpose",
    "hash_token",
    "new_token",
]
