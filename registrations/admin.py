"""A modest, read-only view of registrations and the outbox for organisers.

Statuses change only through registrations.services (the organisers' desk
with its actions comes with the next issue); personal data is shown, never
edited here.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from registrations.models import OutgoingEmail, Registration


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = (
        "last_name",
        "first_name",
        "email",
        "organisation",
        "organisation_type",
        "status",
        "language",
        "needs_interpretation",
        "created_at",
        "confirmed_at",
    )
    list_filter = (
        "status",
        "organisation_type",
        "language",
        "needs_interpretation",
        "event",
    )
    search_fields = ("first_name", "last_name", "email", "organisation")
    ordering = ("-created_at",)
    list_select_related = ("event",)
    date_hierarchy = "created_at"
    fieldsets = (
        (
            _("Person"),
            {
                "fields": (
                    "event",
                    "first_name",
                    "last_name",
                    "email",
                    "phone",
                    "language",
                )
            },
        ),
        (
            _("Organisation"),
            {"fields": ("organisation", "position", "organisation_type", "country")},
        ),
        (
            _("Needs"),
            {
                "fields": (
                    "needs_interpretation",
                    "accessibility_requirements",
                    "dietary_requirements",
                )
            },
        ),
        (
            _("Status and history"),
            {
                "fields": (
                    "status",
                    "created_at",
                    "confirmed_at",
                    "waitlisted_at",
                    "promoted_at",
                    "cancelled_at",
                    "expired_at",
                    "checked_in_at",
                    "checked_in_by",
                    "anonymised_at",
                    "updated_at",
                )
            },
        ),
        (_("Consent"), {"fields": ("consent_given_at", "privacy_notice_version")}),
    )


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "recipient",
        "subject",
        "kind",
        "status",
        "attempts",
        "last_attempt_at",
        "sent_at",
    )
    list_filter = ("status", "kind")
    search_fields = ("recipient", "subject")
    ordering = ("-created_at",)
    list_select_related = ("registration",)
    exclude = ("attachments",)

    def get_readonly_fields(self, request, obj=None):
        return [
            field.name
            for field in self.model._meta.fields
            if field.name != "attachments"
        ]
