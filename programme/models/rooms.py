"""Rooms of the venue, each a record of its event."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from conference.models import Event

# "№2", "No. 2", "no 2": the sign before a room's number is not part of its name.
NUMBER_SIGN = re.compile(r"(?:№|\bno\.?)\s*(?=\d)", re.IGNORECASE)


def room_key(name: str) -> str:
    """The name as compared for sameness: "Зала №2", " зала  2 " and "ЗАЛА 2"
    are one room. casefold() folds Cyrillic too (SQLite's LOWER does not)."""
    name = NUMBER_SIGN.sub(" ", name or "")
    return " ".join(name.casefold().split())


class RoomQuerySet(models.QuerySet):
    def for_event(self, event: Event):
        return self.filter(event=event)


class Room(models.Model):
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="rooms",
    )
    name = models.CharField(_("name of the room"), max_length=150)
    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_(
            "How many people the room seats. Leave empty if it does not matter: "
            "the go-live checklist warns when more attendees are confirmed than "
            "the room seats."
        ),
    )
    order = models.PositiveIntegerField(
        _("display order"),
        default=0,
        help_text=_("Rooms are shown in this order, e.g. as columns of the day grid."),
    )
    accessibility = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("For example step-free access, a hearing loop, where the lift is."),
    )

    objects = RoomQuerySet.as_manager()

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["order", "pk"]
        constraints = [
            # Exact duplicates, also in a database without Unicode case folding;
            # clean() compares casefolded names.
            models.UniqueConstraint(
                fields=["event", "name_bg"],
                condition=~Q(name_bg=""),
                name="programme_room_unique_name_bg",
                violation_error_message=_(
                    "This event already has a room of this name."
                ),
            ),
            models.UniqueConstraint(
                fields=["event", "name_en"],
                condition=~Q(name_en=""),
                name="programme_room_unique_name_en",
                violation_error_message=_(
                    "This event already has a room of this name."
                ),
            ),
        ]

    def __str__(self):
        return self.name or self.name_bg or self.name_en or ""

    def clean(self):
        if not (self.name_bg or self.name_en):
            raise ValidationError(
                {"name_bg": gettext("Give the room a name.")}, code="room_no_name"
            )
        if not self.event_id:
            return
        others = Room.objects.filter(event_id=self.event_id).exclude(pk=self.pk)
        for language in ("bg", "en"):
            key = room_key(getattr(self, f"name_{language}") or "")
            if not key:
                continue
            for other in others:
                if key in {room_key(other.name_bg), room_key(other.name_en)}:
                    raise ValidationError(
                        {
                            f"name_{language}": gettext(
                                "This event already has the room “%(name)s”; names "
                                "are compared ignoring capitals, spaces and “№”."
                            )
                            % {"name": other}
                        },
                        code="room_name_taken",
                    )
