"""The record of the conference after the day, and what attendees get then.

Slides and recordings belong to the sessions (programme.Session); this app
holds the photo gallery, the written summary of the day, the attendees'
feedback and their certificates of attendance.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conference.fields import SanitisedImageField
from conference.models import Event
from programme.models import Session
from registrations.models import Registration


class PhotoQuerySet(models.QuerySet):
    def published(self, event: Event):
        return self.filter(event=event, is_published=True)


class Photo(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="photos", verbose_name=_("event")
    )
    image = SanitisedImageField(
        _("photo"),
        upload_to="photos/",
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP, at most 10 MB. Location data is removed."),
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=300,
        help_text=_(
            "What the photo shows, for people who cannot see it. Required in "
            "Bulgarian and in English."
        ),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    is_published = models.BooleanField(
        _("shown in the gallery"),
        default=False,
        help_text=_("Only the photos the organisers choose are shown."),
    )
    order = models.PositiveIntegerField(_("display order"), default=0)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.alt_text

    def get_absolute_url(self):
        return reverse("archive:photo", kwargs={"pk": self.pk})

    def clean(self):
        missing = {
            f"alt_text_{code}": ValidationError(
                _("Describe the photo in this language too."), code="alt_text_missing"
            )
            for code in ("bg", "en")
            if not (getattr(self, f"alt_text_{code}", "") or "").strip()
        }
        if missing:
            raise ValidationError(missing)


class DaySummary(models.Model):
    event = models.OneToOneField(
        Event,
        on_delete=models.CASCADE,
        related_name="day_summary",
        verbose_name=_("event"),
    )
    text = models.TextField(
        _("summary of the day"),
        help_text=_("Shown on the home page after the conference. Optional."),
    )

    class Meta:
        verbose_name = _("summary of the day")
        verbose_name_plural = _("summaries of the day")

    def __str__(self):
        return str(self.event)


class Rating(models.IntegerChoices):
    POOR = 1, _("1 – poor")
    FAIR = 2, _("2 – fair")
    GOOD = 3, _("3 – good")
    VERY_GOOD = 4, _("4 – very good")
    EXCELLENT = 5, _("5 – excellent")


class Feedback(models.Model):
    """One attendee's answer; exports and summaries never name the person."""

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("event"),
    )
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        related_name="feedback",
        verbose_name=_("registration"),
    )
    rating = models.PositiveSmallIntegerField(
        _("overall rating"),
        choices=Rating.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    most_useful_session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("most useful session"),
    )
    comments = models.TextField(_("comments"), max_length=2000, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5),
                name="archive_feedback_rating_range",
            ),
        ]

    def __str__(self):
        return f"{self.get_rating_display()} · {self.submitted_at:%Y-%m-%d}"


def new_certificate_code() -> str:
    return secrets.token_urlsafe(12)


class Certificate(models.Model):
    """A certificate of attendance, issued only to checked-in attendees.

    Its code is public (printed on the PDF and in its QR code); it reveals
    nothing but what the verification page shows.
    """

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="certificate",
        verbose_name=_("registration"),
    )
    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_certificate_code
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    follow_up_sent_at = models.DateTimeField(
        _("follow-up e-mail queued at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")
        ordering = ["-issued_at"]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("archive:verify", kwargs={"code": self.code})


class AfterEventKind(models.TextChoices):
    FOLLOW_UP = "follow_up", _("Follow-up e-mail sent")
    CERTIFICATES = "certificates", _("Certificates of attendance issued")


class AfterEventRecord(models.Model):
    """One sending of the follow-up e-mail, or one issuing of certificates:
    when, by whom (empty: from the command line) and to how many people."""

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="after_event_records",
        verbose_name=_("event"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AfterEventKind.choices)
    done_at = models.DateTimeField(_("when"))
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    count = models.PositiveIntegerField(_("number of attendees"))

    class Meta:
        verbose_name = _("follow-up e-mail or certificates")
        verbose_name_plural = _("follow-up e-mail and certificates")
        ordering = ["-done_at"]
        permissions = [
            (
                "send_after_event",
                _("Can send the follow-up e-mail and issue certificates"),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.done_at:%Y-%m-%d %H:%M}"
