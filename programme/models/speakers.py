"""Speakers, the people of the line-ups."""

from django.db import models
from django.db.models import Max, Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conference.fields import SanitisedImageField
from conference.models import Event

# Protocol order numbers go in tens, so one can be put between two others.
ORDER_STEP = 10


class SpeakerQuerySet(models.QuerySet):
    def next_order(self) -> int:
        """The order a new speaker gets: after everyone, in protocol order (a
        new name never jumps ahead of the Deputy Minister)."""
        highest = self.aggregate(highest=Max("order"))["highest"]
        return (highest or 0) + ORDER_STEP

    def for_event(self, event: Event):
        """Speakers who take part in the event's sessions, each once."""
        from programme.models.sessions import SessionSpeaker

        return self.filter(
            pk__in=SessionSpeaker.objects.filter(session__event=event).values(
                "speaker_id"
            )
        )

    def with_sessions(self, event: Event, session_ids=None):
        from programme.models.sessions import SessionSpeaker

        rows = SessionSpeaker.objects.filter(session__event=event)
        if session_ids is not None:
            rows = rows.filter(session__in=session_ids)
        return self.prefetch_related(
            Prefetch(
                "session_roles",
                queryset=rows.select_related("session").order_by(
                    "session__starts_at", "session__order"
                ),
            )
        )


class Speaker(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    photo = SanitisedImageField(
        _("photo"),
        upload_to="speakers/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text=_("JPEG, PNG or WebP, at most 10 MB. A portrait, shown cropped."),
    )
    photo_width = models.PositiveIntegerField(
        _("photo width"), null=True, blank=True, editable=False
    )
    photo_height = models.PositiveIntegerField(
        _("photo height"), null=True, blank=True, editable=False
    )
    order = models.PositiveIntegerField(
        _("display order"),
        default=0,
        help_text=_("Order on the speakers page (protocol order)."),
    )

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:speaker", kwargs={"slug": self.slug})

    @property
    def affiliation(self) -> str:
        return ", ".join(part for part in (self.position, self.organisation) if part)
