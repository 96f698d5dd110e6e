"""The organisers' forms for the programme (used by programme.admin and the
day grid), a module per subject; import them from here."""

from programme.forms.content import (
    ProjectAdminForm,
    ResultAdminForm,
    RoomAdminForm,
    SpeakerAdminForm,
)
from programme.forms.grid import GRID_STEP_MINUTES, GridSessionForm, RescheduleForm
from programme.forms.sessions import SessionAdminForm, submitted_speaker_ids
from programme.forms.slugs import SlugFromTitleMixin

__all__ = [
    "GRID_STEP_MINUTES",
    "GridSessionForm",
    "ProjectAdminForm",
    "RescheduleForm",
    "ResultAdminForm",
    "RoomAdminForm",
    "SessionAdminForm",
    "SlugFromTitleMixin",
    "SpeakerAdminForm",
    "submitted_speaker_ids",
]
