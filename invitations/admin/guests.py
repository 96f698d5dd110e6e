"""The guest list in the admin: added one by one or imported, with the
answers at a glance above it; its actions (actions.py) and pages (pages.py)
are mixed in."""

from django.contrib import admin
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference.admin import CurrentEventInitialMixin
from conference.ids import is_valid_id
from conference.models import Event
from invitations import protocol
from invitations.admin.actions import GuestActionsMixin
from invitations.admin.pages import GuestPagesMixin
from invitations.figures import guest_figures
from invitations.models import Guest, InvitationStatus
from registrations.admin.base import ConfirmedActionsMixin

STATE_FIELDS = (
    "status",
    "invited_at",
    "reminded_at",
    "answered_at",
    "withdrawn_at",
    "no_seat_at",
    "delegate_name",
    "delegate_email",
    "delegate_of",
    "registration",
    "created_at",
    "updated_at",
    "anonymised_at",
)


@admin.register(Guest)
class GuestAdmin(
    GuestPagesMixin,
    GuestActionsMixin,
    ConfirmedActionsMixin,
    CurrentEventInitialMixin,
    TranslationAdmin,
):
    # Narrow enough for a 1366 px laptop beside the filters; the seat in the
    # first rows is a filter, everything else is on the guest's page.
    list_display = ("precedence", "guest_name", "institution", "category", "status")
    list_display_links = ("guest_name",)
    # Reordering by number: type the protocol order in the list and save.
    list_editable = ("precedence",)
    list_filter = ("status", "category", "reserved_seat", "language", "event")
    search_fields = (
        "first_name",
        "last_name",
        "email",
        "institution_bg",
        "institution_en",
    )
    list_select_related = ("event",)
    autocomplete_fields = ("speaker",)
    readonly_fields = STATE_FIELDS
    fieldsets = (
        (
            _("Guest"),
            {
                "fields": (
                    "event",
                    "form_of_address",
                    "first_name",
                    "last_name",
                    "email",
                    "language",
                    "category",
                )
            },
        ),
        (
            _("Position and institution"),
            {"fields": ("position", "institution", "country", "organisation_type")},
        ),
        (_("Protocol"), {"fields": ("precedence", "reserved_seat", "speaker")}),
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
        (_("Invitation and answer"), {"fields": STATE_FIELDS}),
    )

    class Media:
        css = {"all": ["css/desk-admin.css", "css/invitations-admin.css"]}

    def get_ordering(self, request):
        return Guest._meta.ordering

    @admin.display(description=pgettext_lazy("person", "name"), ordering="last_name")
    def guest_name(self, guest):
        return str(guest)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if {"precedence", "speaker"} & set(form.changed_data):
            protocol.apply_protocol_order(event=obj.event)

    def has_delete_permission(self, request, obj=None):
        # Only a guest not invited yet leaves the list; an invitation sent is
        # withdrawn instead, so that its link can say so.
        if obj is not None and obj.status != InvitationStatus.NOT_SENT:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        queryset.filter(status=InvitationStatus.NOT_SENT).delete()

    def _counted_event(self, request):
        event_id = request.GET.get("event__id__exact")
        if is_valid_id(Event._meta.pk, event_id):
            return Event.objects.filter(pk=event_id).first()
        return Event.objects.current()

    def changelist_view(self, request, extra_context=None):
        event = self._counted_event(request)
        extra_context = {
            **(extra_context or {}),
            "title": gettext("Guest list"),
            "counted_event": event,
            "figures": guest_figures(event) if event else None,
        }
        return super().changelist_view(request, extra_context)
