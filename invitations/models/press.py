"""Press accreditation: journalists apply with their outlet, organisers
accredit them or not."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from conference.models import Event
from registrations.models import Registration


class PressStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    ACCEPTED = "accepted", _("Accredited")
    DECLINED = "declined", _("Not accredited")


class PressAccreditationQuerySet(models.QuerySet):
    def for_event(self, event):
        return self.filter(event=event)

    def present(self):
        return self.filter(anonymised_at__isnull=True)

    def accredited(self):
        return self.filter(status=PressStatus.ACCEPTED)


class PressAccreditation(models.Model):
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        related_name="press_accreditations",
        verbose_name=_("event"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), max_length=254)
    outlet = models.CharField(_("media outlet"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES
    )
    needs_interpretation = models.BooleanField(
        _("needs interpretation BG⇄EN"), default=False
    )
    accessibility_requirements = models.TextField(
        _("accessibility needs"), max_length=1000, blank=True
    )
    consent_given_at = models.DateTimeField(_("consent given at"))
    privacy_notice_version = models.CharField(
        _("privacy notice version"), max_length=20
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PressStatus.choices,
        default=PressStatus.PENDING,
    )
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="press_accreditation",
        verbose_name=_("registration"),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = PressAccreditationQuerySet.as_manager()

    class Meta:
        verbose_name = _("press accreditation")
        verbose_name_plural = _("press accreditations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=Q(
                    status__in=[PressStatus.PENDING, PressStatus.ACCEPTED],
                    anonymised_at__isnull=True,
                ),
                name="invitations_one_press_request_per_email_and_event",
            ),
        ]

    def __str__(self):
        if self.anonymised_at:
            return str(_("Anonymised accreditation"))
        return f"{self.full_name} ({self.outlet})"

    # No form of address is asked of journalists: e-mails greet them with
    # the neutral formula (registrations.salutations).
    form_of_address = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
