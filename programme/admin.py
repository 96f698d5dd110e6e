from django import forms
from django.contrib import admin, messages
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference.admin import CurrentEventInitialMixin
from conference.image_descriptions import DescribedImageFormMixin
from programme import agenda_grid
from programme.forms import (
    ProjectAdminForm,
    ResultAdminForm,
    SessionAdminForm,
    SpeakerAdminForm,
)
from programme.models import (
    AgendaVersion,
    Project,
    Result,
    Room,
    Session,
    SessionSpeaker,
    Speaker,
)
from programme.renditions import get_rendition
from programme.services import (
    publish_agenda,
    schedule_renditions,
    schedule_slides_preview,
)


class PublishAgendaForm(forms.ModelForm):
    class Meta:
        model = AgendaVersion
        fields = ["event", "changelog"]

    def clean_event(self):
        event = self.cleaned_data["event"]
        if not Session.objects.filter(event=event).exists():
            raise forms.ValidationError(
                _("The event has no sessions to publish."), code="no_sessions"
            )
        return event


@admin.register(AgendaVersion)
class AgendaVersionAdmin(CurrentEventInitialMixin, admin.ModelAdmin):
    """Publishing the agenda: each added row is a new published version."""

    form = PublishAgendaForm
    list_display = [
        "version",
        "published_at",
        "published_by",
        "changelog",
        "notified_count",
    ]
    list_filter = ["event"]
    search_fields = ["changelog"]
    ordering = ["event", "-number"]
    list_select_related = ["event", "published_by"]
    readonly_fields = ["number", "published_at", "published_by", "notified_count"]

    @admin.display(description=_("version"), ordering="number")
    def version(self, agenda_version):
        return str(agenda_version)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["event", "changelog"]
        return ["event", "number", "published_at", "published_by", "changelog"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [*self.readonly_fields, "event"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        version = publish_agenda(
            event=obj.event, by=request.user, changelog=obj.changelog
        )
        obj.__dict__.update(
            {k: v for k, v in version.__dict__.items() if not k.startswith("_")}
        )
        obj._state.adding = False
        self.message_user(
            request,
            ngettext(
                "Version %(number)s of the agenda is published. %(count)s "
                "confirmed attendee will be told of the changed times or rooms.",
                "Version %(number)s of the agenda is published. %(count)s "
                "confirmed attendees will be told of the changed times or rooms.",
                version.notified_count,
            )
            % {"number": version.number, "count": version.notified_count},
            messages.SUCCESS,
        )


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    # Two empty rows, each with its role: two speakers need no “add another”.
    extra = 2
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "role", "order"]
    ordering = ["order", "pk"]


class SpeakerSessionInline(admin.TabularInline):
    """A speaker's sessions, read-only: speakers are added on the session."""

    model = SessionSpeaker
    verbose_name_plural = _("Sessions of the speaker")
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


@admin.register(Room)
class RoomAdmin(CurrentEventInitialMixin, TranslationAdmin):
    list_display = ["name", "capacity", "order", "event"]
    list_editable = ["capacity", "order"]
    list_filter = ["event"]
    search_fields = ["name_bg", "name_en"]
    ordering = ["event", "order", "pk"]
    list_select_related = ["event"]
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
    form = SessionAdminForm
    inlines = [SessionSpeakerInline]
    fieldsets = [
        (None, {"fields": ["event", "title", "kind", "description"]}),
        (
            _("Time and place"),
            {
                "fields": [
                    "start_time",
                    "duration",
                    "room",
                    "order",
                    "is_confirmed",
                    "save_despite_warnings",
                ]
            },
        ),
        (_("Language"), {"fields": ["language", "interpretation"]}),
        (
            _("After the event"),
            {"fields": ["slides", "materials_url", "recording_url"]},
        ),
        (
            _("Address of the page"),
            {"fields": ["slug"], "classes": ["collapse"]},
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only: the saved times, not the entry fields of the form.
        shown = {"start_time": "starts_at", "duration": "ends_at"}
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        shown.get(field, field)
                        for field in options["fields"]
                        if field != "save_despite_warnings"
                    ],
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
                '{} <a href="{}">{}</a> · <a href="{}">{}</a>',
                gettext(
                    "These sessions are the draft: the public sees only the "
                    "published agenda."
                ),
                reverse("programme:agenda_preview"),
                gettext("Preview the draft"),
                reverse("admin:programme_agendaversion_add"),
                gettext("Publish the agenda"),
            ),
            messages.INFO,
        )
        return super().changelist_view(request, extra_context)

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


class SpeakerForm(DescribedImageFormMixin, SpeakerAdminForm):
    # The photo is published as "Portrait of <name>": the name describes it.
    image_field = "photo"
    description_field = "name"
    missing_message = _(
        "A speaker with a photo needs the name in this language too: the photo "
        "is described to people who cannot see it as the portrait of the speaker."
    )


# Labels of the speaker's form that say what they mean to an organiser.
SPEAKER_LABELS = {
    "name": (pgettext_lazy("person", "name"), None),
    "order": (
        pgettext_lazy("display order", "order"),
        _(
            "Order on the speakers page (protocol order): the lowest number comes "
            "first; speakers with the same number are in alphabetical order."
        ),
    ),
}


@admin.register(Speaker)
class SpeakerAdmin(RenditionsAdminMixin, TranslationAdmin):
    form = SpeakerForm
    rendition_field = "photo"
    list_display = [
        "thumbnail",
        "person_name",
        "position",
        "organisation",
        "country",
        "order",
    ]
    list_display_links = ["person_name"]
    list_editable = ["order"]
    list_filter = ["country"]
    # Both languages: a Bulgarian name is found from the English admin too.
    search_fields = ["name_bg", "name_en", "organisation_bg", "organisation_en"]
    ordering = ["order", "name"]
    readonly_fields = ["photo_preview"]
    inlines = [SpeakerSessionInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "position", "organisation", "country"]}),
        (
            _("Biography and photo"),
            {"fields": ["bio", "photo", "photo_preview", "order"]},
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        base, _separator, language = db_field.name.rpartition("_")
        name, code = (base, language) if base in SPEAKER_LABELS else (db_field.name, "")
        if field is not None and name in SPEAKER_LABELS:
            label, help_text = SPEAKER_LABELS[name]
            field.label = f"{capfirst(label)} [{code}]" if code else capfirst(label)
            if help_text:
                field.help_text = help_text
        return field

    @admin.display(description=pgettext_lazy("person", "name"), ordering="name")
    def person_name(self, speaker):
        return speaker.name

    @admin.display(description=_("photo"))
    def thumbnail(self, speaker):
        return self._image(speaker, "avatar", 48)

    @admin.display(description=_("preview"))
    def photo_preview(self, speaker):
        return self._image(speaker, "portrait", 160) or gettext("No photo yet.")

    def _image(self, speaker, size, shown):
        rendition = get_rendition(speaker.photo, size)
        if rendition is None:
            return ""
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}" class="speaker-thumbnail">',
            rendition.url,
            shown,
            round(shown * rendition.height / rendition.width),
            gettext("Portrait of %(name)s") % {"name": speaker.name},
        )


class ResultForm(DescribedImageFormMixin, ResultAdminForm):
    missing_message = _(
        "Describe the image in this language too: what it shows, for people "
        "who cannot see it. An image without a description is not published."
    )


@admin.register(Result)
class ResultAdmin(RenditionsAdminMixin, TranslationAdmin):
    form = ResultForm
    list_display = ["title", "category", "figure_value", "order"]
    list_editable = ["order"]
    list_filter = ["category"]
    search_fields = ["title", "summary", "body", "figure_label"]
    ordering = ["order", "pk"]
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
    list_display = ["title", "period", "order"]
    list_editable = ["order"]
    search_fields = ["title", "description"]
    list_filter = ["partners"]
    ordering = ["order", "pk"]
    form = ProjectAdminForm
    autocomplete_fields = ["partners"]
    fields = ["title", "slug", "period", "description", "url", "partners", "order"]
