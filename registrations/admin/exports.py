"""Export of the filtered registrations list, as CSV or XLSX."""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from conference.spreadsheets import FORMATS, table_response
from registrations import rules
from registrations.exports import export_registrations
from registrations.rules import Action
from registrations.staff_forms import ExportColumnsForm

EXPORT_PERMISSION = "registrations.export_registrations"


class RegistrationExportMixin:
    """An "export/" page under the registrations list: the columns to write,
    then the file, of the list as it is filtered and searched."""

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="registrations_registration_export",
            ),
            *super().get_urls(),
        ]

    def export_url(self, request) -> str:
        query = request.GET.urlencode()
        url = reverse("admin:registrations_registration_export")
        return f"{url}?{query}" if query else url

    def export_view(self, request):
        if not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            # A filter in the address the list cannot apply (an edited or
            # truncated link): back to the whole list, saying so.
            messages.error(
                request,
                gettext(
                    "The filters in the address are not valid. Choose them again "
                    "in the list, then export."
                ),
            )
            return HttpResponseRedirect(
                reverse("admin:registrations_registration_changelist")
            )
        event = self._counted_event(request)
        export = rules.decide(Action.EXPORT, event=event) if event else None
        if export is not None and not export.allowed:
            messages.error(request, export.message)
            return HttpResponseRedirect(
                reverse("admin:registrations_registration_changelist")
            )
        registrations = changelist.get_queryset(request).exclude(
            anonymised_at__isnull=False
        )
        if request.method == "POST":
            form = ExportColumnsForm(request.POST)
            if form.is_valid():
                table, log = export_registrations(
                    registrations=registrations,
                    columns=form.cleaned_data["columns"],
                    by=request.user,
                    filters=request.GET.urlencode(),
                )
                stamp = timezone.localtime(log.exported_at).strftime("%Y%m%d-%H%M")
                file_format = request.POST.get("format")
                return table_response(
                    table,
                    file_format=file_format if file_format in FORMATS else "csv",
                    filename=f"registrations-{stamp}",
                )
        else:
            form = ExportColumnsForm()
        query = request.GET.urlencode()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Export registrations"),
            "opts": self.model._meta,
            "form": form,
            "row_count": registrations.count(),
            "filters": changelist.get_filters_params(),
            "changelist_url": reverse("admin:registrations_registration_changelist")
            + (f"?{query}" if query else ""),
        }
        return TemplateResponse(
            request, "admin/registrations/registration/export.html", context
        )
