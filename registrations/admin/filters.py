"""The registrations list's own filters."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class AccessibilityNeedsFilter(admin.SimpleListFilter):
    title = _("accessibility needs")
    parameter_name = "accessibility"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(accessibility_requirements="")
        if self.value() == "no":
            return queryset.filter(accessibility_requirements="")
        return queryset


class CheckedInFilter(admin.SimpleListFilter):
    title = _("checked in")
    parameter_name = "checked_in"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(checked_in_at__isnull=self.value() == "no")
        return queryset
