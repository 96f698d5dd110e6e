"""Check-ins undone by an organiser, and why: the log of corrections."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from registrations.models.registration import Registration


class CheckInUndo(models.Model):
    """One check-in taken back: when it had been made and by whom, when it
    was undone, by whom and why. Written only by services.undo_check_in."""

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="check_in_undos",
        verbose_name=_("registration"),
    )
    checked_in_at = models.DateTimeField(_("checked in at"))
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    undone_at = models.DateTimeField(_("undone at"))
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("undone by"),
    )
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        verbose_name = _("undone check-in")
        verbose_name_plural = _("undone check-ins")
        ordering = ["-undone_at"]

    def __str__(self):
        return f"{self.registration} · {self.undone_at:%Y-%m-%d %H:%M}"
