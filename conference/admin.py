from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference.models import Event, Partner

admin.site.site_header = _("Conference administration")
admin.site.site_title = _("Conference administration")
admin.site.index_title = _("Content and registrations")


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = [
        "short_title",
        "date",
        "city",
        "venue_name",
        "capacity",
        "is_current",
        "registration_enabled",
    ]
    list_filter = ["is_current", "registration_enabled"]
    search_fields = ["title", "short_title", "venue_name"]
    ordering = ["-date"]
    prepopulated_fields = {"slug": ["short_title"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "short_title",
                    "slug",
                    "is_current",
                    "tagline",
                    "description",
                ]
            },
        ),
        (
            _("Date and time"),
            {"fields": ["date", "start_time", "end_time", "times_are_provisional"]},
        ),
        (
            _("Venue"),
            {
                "fields": [
                    "city",
                    "venue_name",
                    "venue_address",
                    "map_url",
                    "practical_information",
                ]
            },
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "capacity",
                    "registration_enabled",
                    "registration_opens_at",
                    "registration_closes_at",
                    "contact_email",
                ]
            },
        ),
        (
            _("About the programme"),
            {"fields": ["programme_description", "funding_statement"]},
        ),
    ]


@admin.register(Partner)
class PartnerAdmin(TranslationAdmin):
    list_display = ["name", "short_name", "role", "country", "order"]
    list_editable = ["order"]
    list_filter = ["role"]
    search_fields = ["name", "short_name"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["short_name"]}
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "role", "country"]}),
        (_("Website and logo"), {"fields": ["website", "logo", "order"]}),
    ]
