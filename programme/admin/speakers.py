"""Speakers: who they are, their photo, and the sessions they take part in."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference.image_descriptions import DescribedImageFormMixin
from conference.kept_uploads import KeptUploadsMixin
from programme.admin.renditions import RenditionsAdminMixin
from programme.forms import SpeakerAdminForm
from programme.models import SessionSpeaker, Speaker
from programme.renditions import get_rendition


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


class SpeakerForm(KeptUploadsMixin, DescribedImageFormMixin, SpeakerAdminForm):
    # The photo is published as "Portrait of <name>": the name describes it.
    image_field = "photo"
    kept_upload_fields = ("photo",)
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

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("order", Speaker.objects.next_order())
        return initial

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
