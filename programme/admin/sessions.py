"""Sessions and rooms: the draft agenda the organisers edit."""

from django.contrib import admin, messages
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference.admin import CurrentEventInitialMixin
from conference.autocomplete import CheckedAutocompleteMixin
from conference.kept_uploads import KeptUploadsMixin
from programme import agenda_grid
from programme.forms import RoomAdminForm, SessionAdminForm
from programme.models import Room, Session, SessionSpeaker
from programme.services import schedule_slides_preview


class SessionForm(KeptUploadsMixin, SessionAdminForm):
    # Chosen slides stay chosen when the form comes back with a warning.
    kept_upload_fields = ("slides",)


class SessionSpeakerInline(CheckedAutocompleteMixin, admin.TabularInline):
    model = SessionSpeaker
    # Two empty rows, each with its role: two speakers need no “add another”.
    extra = 2
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "role", "order"]
    ordering = ["order", "pk"]


@admin.register(Room)
class RoomAdmin(CurrentEventInitialMixin, TranslationAdmin):
    list_display = ["name", "capacity", "order", "event"]
    list_editable = ["capacity", "order"]
    list_filter = ["event"]
    search_fields = ["name_bg", "name_en"]
    ordering = ["event", "order", "pk"]
    list_select_related = ["event"]
    form = RoomAdminForm
    fields = ["event", "name", "capacity", "order", "accessibility"]


@admin.register(Session)
class SessionAdmin(CurrentEventInitialMixin, TranslationAdmin):
    # What matters first, narrow enough for a 1366 px laptop in either
    # language; the rest is in the session's form.
    list_display = ["time", "title", "room", "line_up_names"]
    list_display_links = ["title"]
    list_filter = ["event", "kind", "language", "interpretation"]
    search_fields = [
        "title",
        "description",
        "room__name_bg",
        "room__name_en",
        "session_speakers__speaker__name",
    ]
    ordering = ["starts_at", "order"]
    list_select_related = ["event", "room"]
    form = SessionForm
    inlines = [SessionSpeakerInline]
    # The first screen (1366 × 768) holds what an organiser fills first: the
    # time, duration and room, the title in both languages, the kind, and
    # right below them the speakers (templates/admin/programme/session/
    # change_form.html puts the speaker rows after this first fieldset).
    first_screen = [
        ("start_time", "duration", "room"),
        ("title_bg", "title_en"),
        ("kind", "in_every_room"),
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "start_time",
                    "duration",
                    "room",
                    "title",
                    "kind",
                    "in_every_room",
                ]
            },
        ),
        (
            _("Description, event and order"),
            {"fields": ["description", "event", "order", "is_confirmed"]},
        ),
        (_("Language"), {"fields": ["language", "interpretation"]}),
        (
            _("After the event"),
            {
                "fields": [
                    "slides",
                    "slides_preview_status",
                    "materials_url",
                    "recording_url",
                ]
            },
        ),
        (
            _("Address of the page"),
            {"fields": ["slug"], "classes": ["collapse"]},
        ),
    ]

    readonly_fields = ["slides_preview_status"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            (name, options), *rest = fieldsets
            return [(name, {**options, "fields": self.first_screen}), *rest]
        # Read-only: the saved times, not the entry fields of the form.
        shown = {"start_time": "starts_at", "duration": "ends_at"}
        return [
            (
                name,
                {
                    **options,
                    "fields": [shown.get(field, field) for field in options["fields"]],
                },
            )
            for name, options in fieldsets
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_speakers()

    def get_urls(self):
        return [
            path(
                "grid/",
                self.admin_site.admin_view(agenda_grid.grid_view),
                {"model_admin": self},
                name="programme_session_grid",
            ),
            path(
                "grid/add/",
                self.admin_site.admin_view(agenda_grid.create_view),
                {"model_admin": self},
                name="programme_session_grid_create",
            ),
            path(
                "grid/move/",
                self.admin_site.admin_view(agenda_grid.move_view),
                {"model_admin": self},
                name="programme_session_grid_move",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        self.message_user(
            request,
            format_html(
                '{} <a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
                gettext(
                    "These sessions are the draft: the public sees only the "
                    "published agenda."
                ),
                reverse("admin:programme_session_grid"),
                gettext("Build the day on the grid"),
                reverse("programme:agenda_preview"),
                gettext("Preview the draft"),
                reverse("admin:programme_agendaversion_add"),
                gettext("Publish the agenda"),
            ),
            messages.INFO,
        )
        return super().changelist_view(request, extra_context)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        form = context["adminform"].form
        inlines = context.get("inline_admin_formsets", [])
        if getattr(form, "only_warnings", False) and not any(
            inline.formset.total_error_count() for inline in inlines
        ):
            # Only warnings stand in the way: the box above the fields asks
            # for a decision, and nothing says “please correct the errors”.
            context["errors"] = []
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "slides" in form.changed_data:
            schedule_slides_preview(session=obj)

    @admin.display(description=_("time"), ordering="starts_at")
    def time(self, session):
        return session_time(session)

    @admin.display(description=_("speakers"))
    def line_up_names(self, session):
        return ", ".join(row.speaker.name for row in session.session_speakers.all())


def session_time(session) -> str:
    """ "10:30–11:15" in the event's time zone, never broken at the dash."""
    start = timezone.localtime(session.starts_at)
    if not session.ends_at:
        return f"{start:%H:%M}"
    end = timezone.localtime(session.ends_at)
    return f"{start:%H:%M}\u2060–\u2060{end:%H:%M}"
