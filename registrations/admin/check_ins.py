"""The log of undone check-ins: who had checked the person in, who undid it,
when and why. Written only by services.undo_check_in; read here."""

from django.contrib import admin

from registrations.admin.base import ReadOnlyAdmin
from registrations.models import CheckInUndo


@admin.register(CheckInUndo)
class CheckInUndoAdmin(ReadOnlyAdmin):
    # Narrow enough for a 1366 px laptop; the time of the check-in is on the
    # row's own page.
    list_display = ("registration", "undone_at", "undone_by", "reason")
    list_filter = ("registration__event", "undone_by")
    search_fields = ("registration__last_name", "registration__first_name", "reason")
    ordering = ("-undone_at",)
    list_select_related = ("registration", "undone_by")
    date_hierarchy = "undone_at"
