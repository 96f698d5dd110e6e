"""The fixed lists of the programme: kinds of session, languages, roles,
categories of results."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext


class SessionKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    OPENING = "opening", _("Opening")
    KEYNOTE = "keynote", _("Keynote")
    PRESENTATION = "presentation", _("Presentation")
    PANEL = "panel", _("Panel")
    DISCUSSION = "discussion", _("Discussion")
    BREAK = "break", _("Break")
    LUNCH = "lunch", _("Lunch")
    CLOSING = "closing", _("Closing")


class SessionLanguage(models.TextChoices):
    BULGARIAN = "bg", _("Bulgarian")
    ENGLISH = "en", _("English")
    BOTH = "bg-en", _("Bulgarian and English")


class SlidesPreviewStatus(models.TextChoices):
    NONE = "", _("No slides")
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be drawn")


class SpeakerRole(models.TextChoices):
    # The officials who open the day give a welcome address („Приветствия“):
    # a minister or an ambassador is not a lecturer (docs/terminology.md).
    WELCOME = "welcome", _("Welcome address")
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    PANELLIST = "panellist", _("Panellist")


def role_heading(role: str, count: int) -> str:
    """“Moderator” or “Moderators”, as the line-up of a session shows it."""
    if role == SpeakerRole.MODERATOR:
        return npgettext("line-up heading", "Moderator", "Moderators", count)
    if role == SpeakerRole.PANELLIST:
        return npgettext("line-up heading", "Panellist", "Panellists", count)
    if role == SpeakerRole.WELCOME:
        return npgettext(
            "line-up heading", "Welcome address", "Welcome addresses", count
        )
    return npgettext("line-up heading", "Speaker", "Speakers", count)


class ResultCategory(models.TextChoices):
    SHELTERS = "shelters", _("Shelters and accommodation")
    GUIDE = (
        "guide",
        _(
            "Practical guide for the identification, protection and return of victims "
            "from Switzerland"
        ),
    )
    CAMPAIGNS = "campaigns", _("Information campaigns")
    RESEARCH = "research", _("Research and mapping")
    PILOTS = "pilots", _("Pilot initiatives and innovative approaches")
    TOOLS = "tools", _("Cooperation tools")
