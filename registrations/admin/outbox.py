"""What goes out to attendees, and what goes out of the database: the e-mail
outbox, messages to all attendees, and the log of exports."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from conference.autocomplete import CheckedAutocompleteMixin
from conference.models import Event
from registrations import exceptions, outreach
from registrations.admin.base import ConfirmedActionsMixin, ReadOnlyAdmin
from registrations.exports import EXPORT_COLUMNS
from registrations.models import (
    RETRYABLE_STATUSES,
    Announcement,
    EmailStatus,
    ExportLog,
    OutgoingEmail,
)
from registrations.outbox import oldest_waiting_age


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(ConfirmedActionsMixin, ReadOnlyAdmin):
    # Narrow enough for a 1366 px laptop; the times of each attempt are on
    # the e-mail's own page.
    list_display = (
        "queued",
        "recipient",
        "subject",
        "status",
        "short_error",
    )
    list_filter = ("status", "kind")
    search_fields = ("recipient", "subject")
    ordering = ("-created_at",)
    list_select_related = ("registration",)
    exclude = ("attachments",)
    actions = ("retry_sending",)

    class Media:
        css = {"all": ["css/desk-admin.css"]}

    def get_readonly_fields(self, request, obj=None):
        return [
            *(
                field.name
                for field in self.model._meta.fields
                if field.name not in {"id", "attachments"}
            ),
            "attachment_names",
        ]

    @admin.display(description=_("attachments"))
    def attachment_names(self, email):
        return ", ".join(item["filename"] for item in email.attachments) or "–"

    @admin.display(description=_("last error"))
    def short_error(self, email):
        return email.last_error[:80]

    @admin.display(description=_("Date and time"), ordering="created_at")
    def queued(self, email):
        return date_format(
            timezone.localtime(email.created_at), "SHORT_DATETIME_FORMAT"
        )

    def changelist_view(self, request, extra_context=None):
        counts = dict(OutgoingEmail.objects.values_list("status").annotate(Count("pk")))
        extra_context = {
            **(extra_context or {}),
            "queue": {
                "waiting": counts.get(EmailStatus.QUEUED, 0)
                + counts.get(EmailStatus.SENDING, 0),
                "failed": counts.get(EmailStatus.FAILED, 0),
                "abandoned": counts.get(EmailStatus.ABANDONED, 0),
                "oldest_minutes": int(oldest_waiting_age().total_seconds() // 60),
            },
        }
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Retry sending failed e-mails"), permissions=["change"])
    def retry_sending(self, request, queryset):
        page = self.confirm_first(
            request,
            queryset,
            action="retry_sending",
            question=_(
                "The failed and undelivered e-mails among these will be sent again "
                "within a minute. Those already sent or waiting are left as they are."
            ),
            button=_("Yes, retry"),
        )
        if page:
            return page
        retried = outreach.retry_failed_emails(
            emails=queryset.filter(status__in=RETRYABLE_STATUSES)
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail is queued again; refresh the list in a minute "
                "to see whether it went out.",
                "%(count)d e-mails are queued again; refresh the list in a minute "
                "to see whether they went out.",
                retried,
            )
            % {"count": retried},
            messages.SUCCESS if retried else messages.WARNING,
        )


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdmin):
    list_display = ("exported_at", "exported_by", "row_count", "column_list")
    list_filter = ("exported_by",)
    search_fields = ("exported_by__username",)
    ordering = ("-exported_at",)
    list_select_related = ("exported_by",)
    date_hierarchy = "exported_at"
    readonly_fields = ("exported_at", "exported_by", "row_count", "column_list")

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, "filters")

    def get_fields(self, request, obj=None):
        return self.get_readonly_fields(request, obj)

    @admin.display(description=_("columns"))
    def column_list(self, log):
        return ", ".join(
            str(EXPORT_COLUMNS.get(column, column)) for column in log.columns
        )


@admin.register(Announcement)
class AnnouncementAdmin(
    CheckedAutocompleteMixin, ConfirmedActionsMixin, TranslationAdmin
):
    list_display = (
        "subject",
        "audience",
        "sent_at",
        "sent_by",
        "recipient_count",
    )
    list_filter = ("audience", "event")
    search_fields = ("subject_bg", "subject_en")
    ordering = ("-created_at",)
    list_select_related = ("event", "sent_by")
    autocomplete_fields = ("event",)
    actions = ("send_announcements",)
    fieldsets = (
        (None, {"fields": ("event", "audience")}),
        (_("Message"), {"fields": ("subject", "body")}),
        (
            _("Sending"),
            {"fields": ("created_at", "sent_at", "sent_by", "recipient_count")},
        ),
    )
    readonly_fields = ("created_at", "sent_at", "sent_by", "recipient_count")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.sent_at:
            return [
                "event",
                "audience",
                "subject_bg",
                "subject_en",
                "body_bg",
                "body_en",
                *self.readonly_fields,
            ]
        return self.readonly_fields

    def get_fieldsets(self, request, obj=None):
        if obj is not None and obj.sent_at:
            return (
                (None, {"fields": ("event", "audience")}),
                (
                    _("Message"),
                    {"fields": ("subject_bg", "subject_en", "body_bg", "body_en")},
                ),
                (_("Sending"), {"fields": self.readonly_fields}),
            )
        return super().get_fieldsets(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.sent_at:
            return False
        return super().has_delete_permission(request, obj)

    def get_changeform_initial_data(self, request):
        event = Event.objects.current()
        return {"event": event.pk} if event else {}

    @admin.action(description=_("Send selected messages"), permissions=["change"])
    def send_announcements(self, request, queryset):
        unsent = queryset.filter(sent_at__isnull=True).select_related("event")
        for announcement in unsent:
            announcement.recipients = outreach.announcement_recipients(
                announcement
            ).count()
        page = self.confirm_first(
            request,
            unsent,
            action="send_announcements",
            question=_(
                "Each message goes once to every person of its audience, in their "
                "own language, sent by the mail worker within minutes. This "
                "cannot be undone."
            ),
            button=_("Yes, send"),
        )
        if page:
            return page
        sent = 0
        for announcement in unsent:
            try:
                announcement = outreach.send_announcement(
                    announcement=announcement, by=request.user
                )
            except exceptions.AnnouncementAlreadySent:
                continue
            except exceptions.NotAllowed as refusal:
                self.message_user(request, refusal.message, messages.WARNING)
                return
            sent += 1
            self.message_user(
                request,
                ngettext(
                    "“%(subject)s” is queued for %(count)d person.",
                    "“%(subject)s” is queued for %(count)d people.",
                    announcement.recipient_count,
                )
                % {
                    "subject": announcement.subject,
                    "count": announcement.recipient_count,
                },
                messages.SUCCESS,
            )
        if not sent:
            self.message_user(
                request,
                _("Nothing was sent: these messages have already been sent."),
                messages.INFO,
            )
