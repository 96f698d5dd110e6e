"""Registrations: the list with its counts and figures; the desk's actions
(actions.py) and the export (exports.py) are mixed in."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from conference.ids import is_valid_id
from conference.models import Event
from registrations import rules
from registrations.admin.actions import ACTIONS, RegistrationActionsMixin
from registrations.admin.base import ConfirmedActionsMixin, ReadOnlyAdmin
from registrations.admin.exports import EXPORT_PERMISSION, RegistrationExportMixin
from registrations.admin.filters import AccessibilityNeedsFilter, CheckedInFilter
from registrations.figures import registration_figures
from registrations.models import Registration
from registrations.retention import PERSONAL_FIELDS
from registrations.rules import Action
from registrations.selectors import status_counts


@admin.register(Registration)
class RegistrationAdmin(
    RegistrationExportMixin,
    RegistrationActionsMixin,
    ConfirmedActionsMixin,
    ReadOnlyAdmin,
):
    # What the desk needs first, narrow enough for a 1366 px laptop in either
    # language; everything else is on the registration's own page.
    list_display = ("person_name", "status", "organisation", "confirmed_at")
    list_filter = (
        "status",
        "organisation_type",
        "language",
        "needs_interpretation",
        AccessibilityNeedsFilter,
        CheckedInFilter,
        "event",
    )
    search_fields = ("first_name", "last_name", "email", "organisation")
    ordering = ("-created_at",)
    list_select_related = ("event",)
    date_hierarchy = "created_at"
    actions = ACTIONS
    fieldsets = (
        (
            _("Person"),
            {
                "fields": (
                    "event",
                    "form_of_address",
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
                    "reminder_sent_at",
                    "anonymised_at",
                    "updated_at",
                )
            },
        ),
        (_("Consent"), {"fields": ("consent_given_at", "privacy_notice_version")}),
    )

    class Media:
        css = {"all": ["css/desk-admin.css"]}

    @admin.display(description=pgettext_lazy("person", "name"), ordering="last_name")
    def person_name(self, registration):
        if registration.anonymised_at:
            return str(registration)
        return registration.titled_name

    @admin.display(description=pgettext_lazy("person", "name"))
    def erased_name(self, registration):
        return str(_("Anonymised registration"))

    # From the moment the event's data count as erased (registrations.rules),
    # the admin shows none of them, whether or not the job has run yet.

    def _data_erased(self, request) -> bool:
        event = self._counted_event(request)
        return event is not None and not (
            rules.decide(Action.SEE_PERSONAL_DATA, event=event).allowed
        )

    def get_list_display(self, request):
        if self._data_erased(request):
            return ("erased_name", "status", "confirmed_at")
        return super().get_list_display(request)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if (
            obj is None
            or rules.decide(Action.SEE_PERSONAL_DATA, registration=obj).allowed
        ):
            return fieldsets
        return [
            (name, {**options, "fields": kept})
            for name, options in fieldsets
            if (
                kept := [
                    field for field in options["fields"] if field not in PERSONAL_FIELDS
                ]
            )
        ]

    # The counts and figures above the list, and the links of the desk.

    def _counted_event(self, request):
        event_id = request.GET.get("event__id__exact")
        if is_valid_id(Event._meta.pk, event_id):
            return Event.objects.filter(pk=event_id).first()
        return Event.objects.current()

    def changelist_view(self, request, extra_context=None):
        event = self._counted_event(request)
        counts = status_counts(event) if event else None
        extra_context = {
            **(extra_context or {}),
            "counted_event": event,
            "personal_data": rules.decide(Action.SEE_PERSONAL_DATA, event=event)
            if event
            else None,
            "counts": counts,
            "figures": registration_figures(event, counts) if event else None,
            "export_url": self.export_url(request),
            "can_export": request.user.has_perm(EXPORT_PERMISSION),
        }
        return super().changelist_view(request, extra_context)
