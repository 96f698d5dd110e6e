from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from archive import after_event_admin
from archive.models import Certificate, DaySummary, Feedback, Photo
from archive.selectors import feedback_summary
from conference.admin import CurrentEventInitialMixin
from conference.kept_uploads import KeptUploadsMixin
from conference.models import Event
from conference.spreadsheets import Table, table_response
from programme.admin.renditions import RenditionsAdminMixin


class PhotoForm(KeptUploadsMixin, forms.ModelForm):
    # The chosen photo stays chosen when the form comes back (a description
    # missing in one language).
    kept_upload_fields = ("image",)

    class Meta:
        model = Photo
        fields = ["event", "image", "alt_text", "caption", "is_published", "order"]


@admin.register(Photo)
class PhotoAdmin(CurrentEventInitialMixin, RenditionsAdminMixin, TranslationAdmin):
    form = PhotoForm
    list_display = ["alt_text", "is_published", "order", "width", "height"]
    list_editable = ["is_published", "order"]
    list_filter = ["event", "is_published"]
    search_fields = ["alt_text", "caption"]
    ordering = ["order", "pk"]
    list_select_related = ["event"]
    fields = ["event", "image", "alt_text", "caption", "is_published", "order"]


@admin.register(DaySummary)
class DaySummaryAdmin(CurrentEventInitialMixin, TranslationAdmin):
    list_display = ["event"]
    list_filter = ["event"]
    search_fields = ["text"]
    ordering = ["-event__date"]
    list_select_related = ["event"]
    fields = ["event", "text"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Answers without their authors: no column or filter names a person."""

    change_list_template = "admin/archive/feedback/change_list.html"
    list_display = ["rating", "most_useful_session", "comments", "submitted_at"]
    list_filter = ["event", "rating"]
    search_fields = ["comments"]
    ordering = ["-submitted_at"]
    list_select_related = ["most_useful_session"]
    fields = ["event", "rating", "most_useful_session", "comments", "submitted_at"]
    readonly_fields = fields
    actions = ["export_xlsx", "export_csv"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        event = Event.objects.current()
        extra_context = {
            **(extra_context or {}),
            "summary": feedback_summary(event) if event else None,
        }
        return super().changelist_view(request, extra_context=extra_context)

    @admin.action(
        description=_("Export selected answers (Excel, anonymous)"),
        permissions=["view"],
    )
    def export_xlsx(self, request, queryset):
        return table_response(
            feedback_table(queryset), file_format="xlsx", filename="feedback"
        )

    @admin.action(
        description=_("Export selected answers (CSV, anonymous)"),
        permissions=["view"],
    )
    def export_csv(self, request, queryset):
        return table_response(
            feedback_table(queryset), file_format="csv", filename="feedback"
        )


def feedback_table(answers) -> Table:
    """The answers without their authors; the day each was given, as a date."""
    return Table(
        header=[
            gettext("overall rating"),
            gettext("most useful session"),
            gettext("comments"),
            gettext("date"),
        ],
        rows=[
            [
                answer.rating,
                answer.most_useful_session.title if answer.most_useful_session else "",
                answer.comments,
                timezone.localtime(answer.submitted_at).date(),
            ]
            for answer in answers.select_related("most_useful_session").order_by("pk")
        ],
        sheet_title=gettext("Feedback"),
    )


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "registration", "issued_at", "follow_up_sent_at"]
    list_filter = ["registration__event"]
    search_fields = ["code"]
    ordering = ["-issued_at"]
    list_select_related = ["registration"]
    fields = ["code", "registration", "issued_at", "follow_up_sent_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


__all__ = ["after_event_admin"]
