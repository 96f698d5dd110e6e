"""Published versions of the agenda."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from conference.models import Event


class AgendaVersionQuerySet(models.QuerySet):
    def latest_for(self, event: Event) -> "AgendaVersion | None":
        return self.filter(event=event).order_by("-number").first()


class AgendaVersion(models.Model):
    """A published agenda: what the public saw from `published_at` on.

    The sessions in the admin are the draft; publishing copies the time and
    room of each into `sessions` (keyed by session id), so the public keeps
    seeing the published times until the next publication, and a change of
    time or room can be told to the attendees.
    """

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="agenda_versions",
    )
    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changelog = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("A short note for the record, e.g. “Panel moved to Hall 2”."),
    )
    sessions = models.JSONField(_("published sessions"), default=dict, editable=False)
    notified_count = models.PositiveIntegerField(
        _("attendees told of changes"), default=0
    )

    objects = AgendaVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("published agenda version")
        verbose_name_plural = _("published agenda versions")
        ordering = ["event", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "number"],
                name="programme_agendaversion_unique_number",
                violation_error_message=_("This version number is already taken."),
            ),
        ]

    def __str__(self):
        return gettext("Version %(number)s") % {"number": self.number}
