"""Results of the Programme and the projects behind them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference.autocomplete import CheckedAutocompleteMixin
from conference.image_descriptions import DescribedImageFormMixin
from conference.kept_uploads import KeptUploadsMixin
from programme.admin.renditions import RenditionsAdminMixin
from programme.forms import ProjectAdminForm, ResultAdminForm
from programme.models import Project, Result


class ResultForm(KeptUploadsMixin, DescribedImageFormMixin, ResultAdminForm):
    kept_upload_fields = ("image", "document")
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
class ProjectAdmin(CheckedAutocompleteMixin, TranslationAdmin):
    list_display = ["title", "period", "order"]
    list_editable = ["order"]
    search_fields = ["title", "description"]
    list_filter = ["partners"]
    ordering = ["order", "pk"]
    form = ProjectAdminForm
    autocomplete_fields = ["partners"]
    fields = ["title", "slug", "period", "description", "url", "partners", "order"]
