"""The outbox: one row per e-mail to a registrant, queued in the transaction of
the change it reports and sent by the mail worker (registrations/outbox.py).

A row holds no working secret: the e-mail is rendered when it is sent, with
links issued then, and what is kept afterwards is a copy with the links
removed (see docs/security.md).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from registrations.models.outreach import Announcement
from registrations.models.registration import Registration


class EmailKind(models.TextChoices):
    CONFIRM_ADDRESS = "confirm_address", _("Confirm your address")
    ALREADY_REGISTERED = "already_registered", _("Already registered")
    TICKET = "ticket", _("Ticket")
    WAITLISTED = "waitlisted", _("On the waiting list")
    PROMOTED = "promoted", _("Promoted from the waiting list")
    CANCELLED = "cancelled", _("Cancellation")
    LEFT_WAITING_LIST = "left_waiting_list", _("Left the waiting list")
    REMINDER = "reminder", _("Reminder before the conference")
    ANNOUNCEMENT = "announcement", _("Message from the organisers")
    AGENDA_CHANGED = "agenda_changed", _("Change to the agenda")
    EVENT_MOVED = "event_moved", _("New date of the conference")
    FOLLOW_UP = "follow_up", _("Thanks, materials and feedback after the conference")
    # Written to people who have no registration (yet): invited guests and
    # journalists. The invitations app renders them (see emails.py).
    INVITATION = "invitation", _("Invitation")
    INVITATION_REMINDER = "invitation_reminder", _("Reminder of an invitation")
    PRESS_RECEIVED = "press_received", _("Press accreditation request received")
    PRESS_DECLINED = "press_declined", _("Press accreditation not granted")


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will be retried")
    ABANDONED = "abandoned", _("Not delivered, no more attempts")


# Statuses an organiser can send again.
RETRYABLE_STATUSES = (EmailStatus.FAILED, EmailStatus.ABANDONED)


class OutgoingEmailQuerySet(models.QuerySet):
    def due(self, *, now):
        """E-mails the worker should try now: waiting and due, or claimed by a
        sender whose lease ran out (it died or hung)."""
        return self.filter(
            Q(
                status__in=[EmailStatus.QUEUED, EmailStatus.FAILED],
                next_attempt_at__lte=now,
            )
            | Q(status=EmailStatus.SENDING, lease_expires_at__lte=now)
        )

    def retryable(self):
        return self.filter(status__in=RETRYABLE_STATUSES)

    def waiting(self):
        """Not delivered yet, and still to be tried."""
        return self.filter(
            status__in=[EmailStatus.QUEUED, EmailStatus.SENDING, EmailStatus.FAILED]
        )


class OutgoingEmail(models.Model):
    # Empty for e-mails to people who have no registration: an invitation, a
    # journalist's request (rendered by the app that queued them).
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
        verbose_name=_("registration"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EmailKind.choices)
    agenda_version = models.ForeignKey(
        "programme.AgendaVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agenda version"),
    )
    announcement = models.ForeignKey(
        Announcement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("message to attendees"),
    )
    recipient = models.EmailField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300)
    # Filled once sent, with every secret link replaced (see registrations.outbox).
    body_text = models.TextField(_("plain-text body, links removed"), blank=True)
    body_html = models.TextField(_("HTML body, links removed"), blank=True)
    # What was attached: [{"filename", "content_type"}], never the content.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EmailStatus.choices,
        default=EmailStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    lease_expires_at = models.DateTimeField(
        _("claimed by a sender until"), null=True, blank=True
    )
    message_id = models.CharField(
        _("Message-ID"),
        max_length=250,
        blank=True,
        editable=False,
        help_text=_(
            "Given at the first attempt and kept for every retry, so that a mail "
            "system that receives the e-mail twice keeps only one copy."
        ),
    )
    retry_until = models.DateTimeField(_("retried until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["status", "next_attempt_at"], name="registrations_outbox_due"
            ),
        ]

    def __str__(self):
        return self.subject
