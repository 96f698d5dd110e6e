"""The guest list: the people the organisers invite, each with the invitation
sent to them, their answer and their place in protocol order."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from conference.models import Event
from programme.models import Speaker
from registrations.models import (
    FormOfAddress,
    OrganisationType,
    OutgoingEmail,
    Registration,
    hash_token,
    new_token,
)


class GuestCategory(models.TextChoices):
    OFFICIAL = "official", _("Official guest")
    SPEAKER = "speaker", _("Speaker")
    PARTNER = "partner", _("Partner")
    PARTICIPANT = "participant", _("Participant")
    PRESS = "press", _("Press")


class InvitationStatus(models.TextChoices):
    NOT_SENT = "not_sent", _("Not invited yet")
    SENT = "sent", _("No answer yet")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    DELEGATED = "delegated", _("Delegate named")
    WITHDRAWN = "withdrawn", _("Invitation withdrawn")


ANSWERED_STATUSES = (
    InvitationStatus.ACCEPTED,
    InvitationStatus.DECLINED,
    InvitationStatus.DELEGATED,
)


class GuestQuerySet(models.QuerySet):
    def for_event(self, event):
        return self.filter(event=event)

    def present(self):
        """Guests whose personal data are still held."""
        return self.filter(anonymised_at__isnull=True)

    def in_protocol_order(self):
        """By precedence (1 first), then those without one by last name."""
        return self.order_by(
            F("precedence").asc(nulls_last=True),
            Lower("last_name"),
            Lower("first_name"),
            "pk",
        )

    def with_email(self, email: str):
        return self.filter(email__iexact=email.strip())

    def by_token(self, token: str):
        return self.filter(
            tokens__token_hash=hash_token(token), anonymised_at__isnull=True
        ).select_related("event")


class Guest(models.Model):
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        related_name="guests",
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
    position = models.CharField(_("position"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254)
    language = models.CharField(
        _("language of the invitation"), max_length=5, choices=settings.LANGUAGES
    )
    category = models.CharField(
        _("category"), max_length=20, choices=GuestCategory.choices
    )
    reserved_seat = models.BooleanField(
        _("seat in the front rows"),
        default=False,
        help_text=_(
            "Every guest who accepts gets one of the reserved seats; tick this "
            "for those to be seated in the front rows, in protocol order."
        ),
    )
    precedence = models.PositiveIntegerField(
        _("protocol order"),
        null=True,
        blank=True,
        help_text=_(
            "Number 1 comes first: at the opening, on the front-row list, on "
            "badges and name cards. Empty: after those with a number."
        ),
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guests",
        verbose_name=_("speaker on the agenda"),
        help_text=_(
            "The guest’s entry among the speakers, if they speak: the opening "
            "session and the speakers page follow the protocol order."
        ),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    organisation_type = models.CharField(
        _("type of organisation"),
        max_length=20,
        choices=OrganisationType.choices,
        blank=True,
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

    status = models.CharField(
        _("invitation"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.NOT_SENT,
    )
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    no_seat_at = models.DateTimeField(
        _("tried to accept with no reserved seat left at"), null=True, blank=True
    )
    delegate_name = models.CharField(_("delegate’s name"), max_length=200, blank=True)
    delegate_email = models.EmailField(_("delegate’s e-mail"), blank=True)
    delegate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegates",
        verbose_name=_("delegate of"),
    )
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guest",
        verbose_name=_("registration"),
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = GuestQuerySet.as_manager()

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = [F("precedence").asc(nulls_last=True), "last_name", "pk"]
        permissions = [
            ("send_invitations", _("Can send invitations and reminders")),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=Q(anonymised_at__isnull=True),
                name="invitations_one_guest_per_email_and_event",
                violation_error_message=_(
                    "A guest with this e-mail address is already on the list."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status=InvitationStatus.SENT)
                | Q(invited_at__isnull=False),
                name="invitations_sent_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="invitations_status_idx"),
        ]

    def __str__(self):
        if self.anonymised_at:
            return str(_("Anonymised guest"))
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def titled_name(self) -> str:
        """The name with the form of address before it, in the active
        language: “г-н Красимир Ципов”, “Mr Krasimir Tsipov”."""
        if not self.form_of_address:
            return self.full_name
        return f"{self.get_form_of_address_display()} {self.full_name}"

    @property
    def awaits_answer(self) -> bool:
        return self.status == InvitationStatus.SENT


class InvitationTokenQuerySet(models.QuerySet):
    def issue(self, *, guest: Guest) -> str:
        """A new secret link token; only its hash is stored."""
        token = new_token()
        self.create(guest=guest, token_hash=hash_token(token))
        return token


class InvitationToken(models.Model):
    """The secret link of an invitation. Only the SHA-256 of the token is
    kept; every e-mail carries a fresh one, so earlier links keep working."""

    guest = models.ForeignKey(
        Guest,
        on_delete=models.CASCADE,
        related_name="tokens",
        verbose_name=_("guest"),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = InvitationTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation link")
        verbose_name_plural = _("invitation links")

    def __str__(self):
        return f"{self.guest_id} ({self.created_at:%Y-%m-%d})"


class GuestEmail(models.Model):
    """Whom an outbox e-mail of this app is for: a guest or a journalist
    (the outbox itself knows only registrations)."""

    email = models.OneToOneField(
        OutgoingEmail,
        on_delete=models.CASCADE,
        related_name="guest_email",
        verbose_name=_("e-mail"),
    )
    guest = models.ForeignKey(
        Guest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
        verbose_name=_("guest"),
    )
    accreditation = models.ForeignKey(
        "invitations.PressAccreditation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
        verbose_name=_("press accreditation"),
    )

    class Meta:
        verbose_name = _("e-mail to a guest")
        verbose_name_plural = _("e-mails to guests")
        constraints = [
            models.CheckConstraint(
                condition=Q(guest__isnull=False) | Q(accreditation__isnull=False),
                name="invitations_email_has_a_recipient",
            )
        ]

    def __str__(self):
        return str(self.email)
