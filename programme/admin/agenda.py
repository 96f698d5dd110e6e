"""Publishing the agenda: each published version is a row added here."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from conference.admin import CurrentEventInitialMixin
from programme.models import AgendaVersion, Session
from programme.services import publish_agenda


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

    def add_view(self, request, form_url="", extra_context=None):
        # Publishing is one act: no "save and add another" or "continue editing".
        context = {"show_save_and_add_another": False, "show_save_and_continue": False}
        return super().add_view(request, form_url, context | (extra_context or {}))

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
