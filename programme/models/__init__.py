"""The programme's models, one module per subject; import them from here."""

from programme.models.agenda import AgendaVersion, AgendaVersionQuerySet
from programme.models.choices import (
    ResultCategory,
    SessionKind,
    SessionLanguage,
    SlidesPreviewStatus,
    SpeakerRole,
    role_heading,
)
from programme.models.results import Project, Result, ResultQuerySet
from programme.models.rooms import Room, RoomQuerySet, room_key
from programme.models.sessions import Session, SessionQuerySet, SessionSpeaker
from programme.models.speakers import Speaker, SpeakerQuerySet

__all__ = [
    "AgendaVersion",
    "AgendaVersionQuerySet",
    "Project",
    "Result",
    "ResultCategory",
    "ResultQuerySet",
    "Room",
    "RoomQuerySet",
    "Session",
    "SessionKind",
    "SessionLanguage",
    "SessionQuerySet",
    "SessionSpeaker",
    "SlidesPreviewStatus",
    "Speaker",
    "SpeakerQuerySet",
    "SpeakerRole",
    "role_heading",
    "room_key",
]
