"""Sessions of the agenda and the speakers taking part in each."""

import datetime

from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conference.models import Event
from programme.models.choices import (
    SessionKind,
    SessionLanguage,
    SlidesPreviewStatus,
    SpeakerRole,
    role_heading,
)
from programme.models.rooms import Room
from programme.models.speakers import Speaker
from programme.slides import validate_slides


class SessionQuerySet(models.QuerySet):
    def with_speakers(self):
        return self.select_related("event", "room").prefetch_related(
            Prefetch(
                "session_speakers",
                queryset=SessionSpeaker.objects.select_related("speaker"),
            )
        )

    def for_event(self, event: Event):
        """The event's sessions in time order, with their speakers."""
        return self.filter(event=event).with_speakers()


class Session(models.Model):
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    slug = models.SlugField(_("slug"), max_length=120)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=SessionKind.choices,
        default=SessionKind.PRESENTATION,
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="sessions",
        help_text=_("Two sessions in the same room cannot overlap."),
    )
    in_every_room = models.BooleanField(
        _("in every room"),
        default=False,
        help_text=_(
            "A coffee break or lunch: across every room of the grid; nothing may "
            "overlap it."
        ),
    )
    language = models.CharField(
        _("language of the session"),
        max_length=5,
        choices=SessionLanguage.choices,
        blank=True,
        help_text=_("Leave empty while the language is not yet known."),
    )
    interpretation = models.BooleanField(
        _("interpretation BG ⇄ EN"),
        default=False,
        help_text=_("Simultaneous interpretation between Bulgarian and English."),
    )
    materials_url = models.URLField(
        _("slides or materials"),
        blank=True,
        help_text=_("Shown once the conference has taken place."),
    )
    recording_url = models.URLField(
        _("recording"),
        blank=True,
        help_text=_("Shown once the conference has taken place."),
    )
    slides = models.FileField(
        _("slides (PDF)"),
        upload_to="slides/",
        blank=True,
        validators=[validate_slides],
        help_text=_(
            "A PDF of at most 20 MB, not password-protected. Shown once the "
            "conference has taken place, with a picture of its first page."
        ),
    )
    slides_preview = models.ImageField(
        _("preview of the slides"),
        upload_to="slides/previews/",
        blank=True,
        editable=False,
        width_field="slides_preview_width",
        height_field="slides_preview_height",
    )
    slides_preview_width = models.PositiveIntegerField(null=True, editable=False)
    slides_preview_status = models.CharField(
        _("preview of the slides"),
        max_length=10,
        choices=SlidesPreviewStatus.choices,
        default=SlidesPreviewStatus.NONE,
        blank=True,
        editable=False,
        help_text=_(
            "The picture of the first page is drawn by the mail worker within "
            "a minute of the upload."
        ),
    )
    slides_preview_height = models.PositiveIntegerField(null=True, editable=False)
    order = models.PositiveIntegerField(
        _("display order"),
        default=0,
        help_text=_("Orders sessions that start at the same time."),
    )
    is_confirmed = models.BooleanField(
        _("confirmed"),
        default=False,
        help_text=_(
            "Confirmed by the organisers. Before the first version of the agenda is "
            "published, a confirmed opening session is shown on the agenda page."
        ),
    )
    speakers = models.ManyToManyField(
        "Speaker",
        verbose_name=_("speakers"),
        through="SessionSpeaker",
        related_name="sessions",
        blank=True,
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="programme_session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(in_every_room=False) | Q(room__isnull=True),
                name="programme_session_every_room_or_one",
                violation_error_message=_(
                    "A session in every room has no room of its own."
                ),
            ),
            models.UniqueConstraint(
                fields=["event", "slug"],
                name="programme_session_unique_slug_per_event",
                violation_error_message=_(
                    "Another session of this event already has this slug."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:session", kwargs={"slug": self.slug})

    @property
    def slides_preview_pending(self) -> bool:
        return self.slides_preview_status == SlidesPreviewStatus.PENDING

    @property
    def duration(self) -> datetime.timedelta:
        return self.ends_at - self.starts_at

    @property
    def is_break(self) -> bool:
        return self.kind in {
            SessionKind.REGISTRATION,
            SessionKind.BREAK,
            SessionKind.LUNCH,
        }

    @property
    def line_up(self) -> list[tuple[str, list["Speaker"]]]:
        """Speakers grouped by role (moderators first), from the prefetched rows."""
        by_role: dict[str, list[Speaker]] = {}
        for row in self.session_speakers.all():
            by_role.setdefault(row.role, []).append(row.speaker)
        order = [
            SpeakerRole.WELCOME,
            SpeakerRole.MODERATOR,
            SpeakerRole.SPEAKER,
            SpeakerRole.PANELLIST,
        ]
        return [
            (role_heading(role, len(by_role[role])), by_role[role])
            for role in order
            if role in by_role
        ]

    def clean(self):
        from programme.validators import validate_session_times

        validate_session_times(self)


class SessionSpeaker(models.Model):
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="session_speakers",
    )
    speaker = models.ForeignKey(
        Speaker,
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="session_roles",
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=SpeakerRole.choices,
        default=SpeakerRole.SPEAKER,
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("speaker of a session")
        verbose_name_plural = _("speakers of the session")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker"],
                name="programme_sessionspeaker_unique",
                violation_error_message=_("This speaker is already in the session."),
            ),
        ]

    def __str__(self):
        return f"{self.speaker} ({self.get_role_display()})"
