"""What the organisers send to everyone, and what leaves the database:
messages to attendees and the log of exports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from conference.models import Event
from registrations.models.registration import RegistrationStatus


class Audience(models.TextChoices):
    CONFIRMED = RegistrationStatus.CONFIRMED.value, _("All confirmed attendees")
    ATTENDED = "attended", _("Confirmed attendees who were checked in")
    NOT_ATTENDED = "not_attended", _("Confirmed attendees not checked in")
    WAITLISTED = RegistrationStatus.WAITLISTED.value, _("Everyone on the waiting list")


class Announcement(models.Model):
    """A message to an audience (all confirmed, those checked in or not, or
    the waiting list), written once in both languages and sent to each in
    their own language, once."""

    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        related_name="announcements",
        verbose_name=_("event"),
    )
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.CONFIRMED,
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("message"),
        max_length=10000,
        help_text=_(
            "Plain text. The greeting, the signature and the link to the "
            "person’s registration are added automatically."
        ),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    recipient_count = models.PositiveIntegerField(
        _("number of recipients"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("message to attendees")
        verbose_name_plural = _("messages to attendees")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class ExportLog(models.Model):
    """One export of registrations: who, when, how many rows, which columns."""

    exported_at = models.DateTimeField(_("exported at"), auto_now_add=True)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("exported by"),
    )
    row_count = models.PositiveIntegerField(_("number of rows"))
    columns = models.JSONField(_("columns"), default=list)
    filters = models.CharField(_("filters"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("export of registrations")
        verbose_name_plural = _("exports of registrations")
        ordering = ["-exported_at"]

    def __str__(self):
        return f"{self.exported_at:%Y-%m-%d %H:%M} ({self.row_count})"
