"""Registrations and the secret links that reach them."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from conference.models import Event

# 32 bytes = 256 bits from the operating system's CSPRNG, URL-safe base64.
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class OrganisationType(models.TextChoices):
    GOVERNMENT = "government", _("Government institution")
    NGO = "ngo", _("Non-governmental organisation")
    INTERNATIONAL = "international", _("International organisation")
    ACADEMIA = "academia", _("Academia")
    MEDIA = "media", _("Media")
    OTHER = "other", _("Other")


class FormOfAddress(models.TextChoices):
    """How a registrant wishes to be addressed; blank means none given.

    The labels are the written abbreviations (г-н, г-жа, д-р, проф.; Mr, Ms,
    Dr, Prof) that go before the name on badges and lists; e-mails greet with
    registrations.salutations, which knows the Bulgarian vocative."""

    MR = "mr", pgettext_lazy("form of address", "Mr")
    MS = "ms", pgettext_lazy("form of address", "Ms")
    DR = "dr", pgettext_lazy("form of address", "Dr")
    PROF = "prof", pgettext_lazy("form of address", "Prof")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired without confirmation")


class SeatQuota(models.TextChoices):
    """Where a confirmed registration's seat comes from: the capacity open to
    the public, or the seats the event keeps for invited guests and the press
    (Event.reserved_seats). Neither ever takes a seat of the other."""

    PUBLIC = "public", _("Public seats")
    RESERVED = "reserved", _("Reserved seats (invited guests and press)")


# A person has at most one registration in these states per event.
ACTIVE_STATUSES = (
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
)


class RegistrationQuerySet(models.QuerySet):
    def for_event(self, event: Event):
        return self.filter(event=event)

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES, anonymised_at__isnull=True)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def public(self):
        """Registrations that hold (or wait for) a seat of the capacity."""
        return self.filter(quota=SeatQuota.PUBLIC)

    def reserved(self):
        """Invited guests and press, seated from the reserved seats."""
        return self.filter(quota=SeatQuota.RESERVED)

    def waitlisted(self):
        """The waiting list in order: first come, first promoted."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by(
            "waitlisted_at", "pk"
        )

    def checked_in(self):
        return self.filter(
            status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False
        )

    def search(self, text: str):
        """Registrations whose name or organisation contains every word,
        whatever its case and accents (conference.search)."""
        queryset = self
        for word in text.split()[:5]:
            matches = Q()
            for field in ("first_name", "last_name", "organisation"):
                matches |= Q(**{f"{field}__foldcontains": word})
            queryset = queryset.filter(matches)
        return queryset

    def by_last_name(self):
        return self.order_by(Lower("last_name"), Lower("first_name"), "pk")

    def with_email(self, email: str):
        return self.filter(email__iexact=email.strip())

    def by_token(self, token: str, *, purpose: str):
        """Registrations one of whose tokens for `purpose` is `token`."""
        return self.filter(
            tokens__purpose=purpose,
            tokens__token_hash=hash_token(token),
            anonymised_at__isnull=True,
        ).select_related("event")


class Registration(models.Model):
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("event"),
    )
    form_of_address = models.CharField(
        _("form of address"),
        max_length=10,
        choices=FormOfAddress.choices,
        blank=True,
        default="",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationType.choices
    )
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
    dietary_requirements = models.TextField(
        _("dietary requirements"), max_length=500, blank=True
    )
    consent_given_at = models.DateTimeField(_("consent given at"))
    privacy_notice_version = models.CharField(
        _("privacy notice version"), max_length=20
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    quota = models.CharField(
        _("seat from"),
        max_length=20,
        choices=SeatQuota.choices,
        default=SeatQuota.PUBLIC,
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(
        _("put on the waiting list at"), null=True, blank=True
    )
    promoted_at = models.DateTimeField(
        _("promoted from the waiting list at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    expired_at = models.DateTimeField(_("expired at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(
        _("reminder sent at"), null=True, blank=True
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        permissions = [
            ("check_in_registration", _("Can check in attendees at the door")),
            ("undo_check_in", _("Can undo a check-in, giving the reason")),
            (
                "view_attendee_list",
                _("Can see the sign-in sheet of confirmed attendees"),
            ),
            ("export_registrations", _("Can export registrations")),
            ("print_badges", _("Can print name badges")),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=Q(status__in=ACTIVE_STATUSES, anonymised_at__isnull=True),
                name="registrations_one_active_per_email_and_event",
                violation_error_message=_(
                    "This e-mail address is already registered for the event."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.CONFIRMED)
                | Q(confirmed_at__isnull=False),
                name="registrations_confirmed_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.WAITLISTED)
                | Q(waitlisted_at__isnull=False),
                name="registrations_waitlisted_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="registrations_status_idx"),
        ]

    def __str__(self):
        if self.anonymised_at:
            return str(_("Anonymised registration"))
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def titled_name(self) -> str:
        """The name with the form of address before it, in the active
        language: “д-р Мария Петрова”, “Dr Maria Petrova”, or the name alone."""
        if not self.form_of_address:
            return self.full_name
        return f"{self.get_form_of_address_display()} {self.full_name}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def waitlist_position(self) -> int | None:
        """1 for the first person waiting; None when not on the waiting list."""
        if self.status != RegistrationStatus.WAITLISTED:
            return None
        return (
            Registration.objects.for_event(self.event_id)
            .waitlisted()
            .filter(
                Q(waitlisted_at__lt=self.waitlisted_at)
                | Q(waitlisted_at=self.waitlisted_at, pk__lt=self.pk)
            )
            .count()
            + 1
        )


class TokenPurpose(models.TextChoices):
    MANAGE = "manage", _("See, change or cancel the registration")
    CHECK_IN = "check_in", _("Check in at the door")


class RegistrationTokenQuerySet(models.QuerySet):
    def issue(self, *, registration: "Registration", purpose: str) -> str:
        """A new secret link token; only its hash is stored."""
        token = new_token()
        self.create(
            registration=registration, purpose=purpose, token_hash=hash_token(token)
        )
        return token


class RegistrationToken(models.Model):
    """A secret link for one registration. Only the SHA-256 of the token is kept.

    A registration can have several tokens of a purpose: every e-mail that
    carries a link gets a fresh one, so earlier links keep working.
    """

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="tokens",
        verbose_name=_("registration"),
    )
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=TokenPurpose.choices
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = RegistrationTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration link")
        verbose_name_plural = _("registration links")

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.created_at:%Y-%m-%d})"
