"""The count of POSTs per visitor's address and time window (the rate
limit, registrations/ratelimit.py): in the database, so that every gunicorn
worker and server counts together, with Redis or without."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PostRate(models.Model):
    address_hash = models.CharField(_("address (hashed)"), max_length=64)
    bucket = models.BigIntegerField(_("time window"))
    posts = models.PositiveIntegerField(_("POST requests"), default=0)

    class Meta:
        verbose_name = _("rate-limit count")
        verbose_name_plural = _("rate-limit counts")
        constraints = [
            models.UniqueConstraint(
                fields=["address_hash", "bucket"],
                name="registrations_postrate_one_row_per_address_and_window",
            )
        ]
        indexes = [
            models.Index(fields=["bucket"], name="registrations_postrate_bucket")
        ]

    def __str__(self):
        return f"{self.address_hash[:8]}… {self.bucket}: {self.posts}"
