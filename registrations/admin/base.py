"""What every admin of this app shares: read-only records and actions that ask
for confirmation first."""

from django.contrib import admin
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from registrations import rules
from registrations.staff_forms import ActionConfirmationForm

CONFIRMED_VAR = "confirmed"


class ReadOnlyAdmin(admin.ModelAdmin):
    """Every field read-only, no adding or deleting, no save buttons; its
    pages are titled as views ("View registration"), never "Change …"."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        # The row's number means nothing to an organiser and reads as
        # English "ID" in either language.
        return [
            field.name
            for field in self.model._meta.fields
            if not (field.primary_key and field.auto_created)
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            "title": gettext("View %s") % self.opts.verbose_name,
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": capfirst(self.opts.verbose_name_plural),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)


class ConfirmedActionsMixin:
    """Actions that first show what they will do to whom, and ask."""

    confirmation_template = "admin/registrations/confirm_action.html"

    def confirm_first(
        self,
        request,
        queryset,
        *,
        action,
        question,
        button,
        override=False,
        reason_form=None,
        rule=None,
    ):
        """None once the organiser has confirmed (and given a valid reason,
        when `reason_form` asks for one); else the confirmation page, which
        says beside each row what the table (`rule`, an Action) refuses."""
        confirmed = request.POST.get(CONFIRMED_VAR) == "yes"
        if confirmed and (reason_form is None or reason_form.is_valid()):
            return None
        if rule is not None:
            queryset = list(queryset.select_related("event"))
            for obj in queryset:
                obj.refusal = rules.decide(rule, registration=obj)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Are you sure?"),
            "question": question,
            "button": button,
            "objects": queryset,
            "action": action,
            "override_form": ActionConfirmationForm() if override else None,
            "reason_form": reason_form,
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "confirmed_var": CONFIRMED_VAR,
        }
        return TemplateResponse(request, self.confirmation_template, context)
