from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference.admin import CurrentEventInitialMixin
from programme.models import Project, Result, Session, SessionSpeaker, Speaker
from programme.services import schedule_renditions, schedule_slides_preview


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 1
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "role", "order"]
    ordering = ["order", "pk"]


class SpeakerSessionInline(admin.TabularInline):
    """A speaker's sessions, read-only: speakers are added on the session."""

    model = SessionSpeaker
    extra = 0
    fields = ["session", "role", "order"]
    readonly_fields = ["session", "role", "order"]
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("session")


class RenditionsAdminMixin:
    """After a new image is saved, write its resized copies (on commit)."""

    rendition_field = "image"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if self.rendition_field in form.changed_data:
            schedule_renditions(instance=obj)


@admin.register(Session)
class SessionAdmin(CurrentEventInitialMixin, TranslationAdmin):
    list_display = [
        "title",
        "starts_at",
        "ends_at",
        "kind",
        "room",
        "language",
        "interpretation",
        "line_up_names",
    ]
    list_display_links = ["title"]
    list_filter = ["event", "kind", "language", "interpretation"]
    search_fields = [
        "title",
        "description",
        "room",
        "session_speakers__speaker__name",
    ]
    ordering = ["starts_at", "order"]
    date_hierarchy = "starts_at"
    list_select_related = ["event"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [SessionSpeakerInline]
    fieldsets = [
        (None, {"fields": ["event", "title", "slug", "kind", "description"]}),
        (_("Time and place"), {"fields": ["starts_at", "ends_at", "order", "room"]}),
        (_("Language"), {"fields": ["language", "interpretation"]}),
        (
            _("After the event"),
            {"fields": ["slides", "materials_url", "recording_url"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_speakers()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "slides" in form.changed_data:
            schedule_slides_preview(session=obj)

    @admin.display(description=_("speakers"))
    def line_up_names(self, session):
        return ", ".join(row.speaker.name for row in session.session_speakers.all())


@admin.register(Speaker)
class SpeakerAdmin(RenditionsAdminMixin, TranslationAdmin):
    rendition_field = "photo"
    list_display = ["name", "position", "organisation", "country", "order"]
    list_editable = ["order"]
    list_filter = ["country"]
    search_fields = ["name", "position", "organisation"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [SpeakerSessionInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "position", "organisation", "country"]}),
        (_("Biography and photo"), {"fields": ["bio", "photo", "order"]}),
    ]


@admin.register(Result)
class ResultAdmin(RenditionsAdminMixin, TranslationAdmin):
    list_display = ["title", "category", "figure_value", "figure_label", "order"]
    list_editable = ["order"]
    list_filter = ["category"]
    search_fields = ["title", "summary", "body", "figure_label"]
    ordering = ["order", "pk"]
    prepopulated_fields = {"slug": ["title_en"]}
    fieldsets = [
        (None, {"fields": ["category", "title", "slug", "summary", "body", "order"]}),
        (
            _("Key figure"),
            {
                "fields": [
                    "figure_value",
                    "figure_label",
                    "figure_source",
                    "figure_source_url",
                ],
                "description": _(
                    "Every figure is shown with its source and the period it covers."
                ),
            },
        ),
        (
            _("Image, document and link"),
            {"fields": ["image", "image_alt", "document", "link_url"]},
        ),
    ]


@admin.register(Project)
class ProjectAdmin(TranslationAdmin):
    list_display = ["title", "period", "url", "order"]
    list_editable = ["order"]
    search_fields = ["title", "description"]
    list_filter = ["partners"]
    ordering = ["order", "pk"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["partners"]
    fields = ["title", "slug", "period", "description", "url", "partners", "order"]
