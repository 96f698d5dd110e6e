"""Registrations: the list with its counts, the desk's actions, CSV export."""

import functools

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from conference.models import Event
from conference.selectors import get_current_event
from registrations import exceptions, outreach, services, tickets
from registrations.admin.base import ConfirmedActionsMixin, ReadOnlyAdmin
from registrations.exports import export_registrations
from registrations.forms import ActionConfirmationForm, ExportColumnsForm
from registrations.models import Registration, RegistrationStatus
from registrations.selectors import status_counts


def apply_to_each(queryset, service, *, skip) -> int:
    """Call `service` for each registration; count those it did not skip."""
    done = 0
    for registration in queryset:
        try:
            service(registration=registration)
        except skip:
            continue
        done += 1
    return done


class AccessibilityNeedsFilter(admin.SimpleListFilter):
    title = _("accessibility requirements")
    parameter_name = "accessibility"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(accessibility_requirements="")
        if self.value() == "no":
            return queryset.filter(accessibility_requirements="")
        return queryset


class CheckedInFilter(admin.SimpleListFilter):
    title = _("checked in")
    parameter_name = "checked_in"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(checked_in_at__isnull=self.value() == "no")
        return queryset


@admin.register(Registration)
class RegistrationAdmin(ConfirmedActionsMixin, ReadOnlyAdmin):
    list_display = (
        "last_name",
        "first_name",
        "email",
        "organisation",
        "organisation_type",
        "status",
        "language",
        "needs_interpretation",
        "has_accessibility_requirements",
        "created_at",
        "confirmed_at",
        "checked_in_at",
    )
    list_filter = (
        "status",
        "organisation_type",
        "language",
        "needs_interpretation",
        AccessibilityNeedsFilter,
        CheckedInFilter,
        "event",
    )
    search_fields = ("first_name", "last_name", "email", "organisation")
    ordering = ("-created_at",)
    list_select_related = ("event",)
    date_hierarchy = "created_at"
    actions = (
        "resend_last_email",
        "confirm_from_waiting_list",
        "cancel_registrations",
        "check_in_registrations",
        "print_badges",
    )
    fieldsets = (
        (
            _("Person"),
            {
                "fields": (
                    "event",
                    "first_name",
                    "last_name",
                    "email",
                    "phone",
                    "language",
                )
            },
        ),
        (
            _("Organisation"),
            {"fields": ("organisation", "position", "organisation_type", "country")},
        ),
        (
            _("Needs"),
            {
                "fields": (
                    "needs_interpretation",
                    "accessibility_requirements",
                    "dietary_requirements",
                )
            },
        ),
        (
            _("Status and history"),
            {
                "fields": (
                    "status",
                    "created_at",
                    "confirmed_at",
                    "waitlisted_at",
                    "promoted_at",
                    "cancelled_at",
                    "expired_at",
                    "checked_in_at",
                    "checked_in_by",
                    "reminder_sent_at",
                    "anonymised_at",
                    "updated_at",
                )
            },
        ),
        (_("Consent"), {"fields": ("consent_given_at", "privacy_notice_version")}),
    )

    class Media:
        css = {"all": ["css/desk-admin.css"]}

    @admin.display(description=_("accessibility"), boolean=True)
    def has_accessibility_requirements(self, registration):
        return bool(registration.accessibility_requirements)

    # The counts above the list, and the links of the desk.

    def _counted_event(self, request):
        event_id = request.GET.get("event__id__exact")
        if event_id and event_id.isdigit():
            return Event.objects.filter(pk=event_id).first()
        return Event.objects.current()

    def changelist_view(self, request, extra_context=None):
        event = self._counted_event(request)
        query = request.GET.urlencode()
        extra_context = {
            **(extra_context or {}),
            "counted_event": event,
            "counts": status_counts(event) if event else None,
            "export_url": reverse("admin:registrations_registration_export")
            + (f"?{query}" if query else ""),
            "can_export": request.user.has_perm("registrations.export_registrations"),
        }
        return super().changelist_view(request, extra_context)

    # Export of the filtered list.

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="registrations_registration_export",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request):
        if not request.user.has_perm("registrations.export_registrations"):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        registrations = changelist.get_queryset(request)
        if request.method == "POST":
            form = ExportColumnsForm(request.POST)
            if form.is_valid():
                text, log = export_registrations(
                    registrations=registrations,
                    columns=form.cleaned_data["columns"],
                    by=request.user,
                    filters=request.GET.urlencode(),
                )
                response = HttpResponse(text, content_type="text/csv; charset=utf-8")
                stamp = timezone.localtime(log.exported_at).strftime("%Y%m%d-%H%M")
                response["Content-Disposition"] = (
                    f'attachment; filename="registrations-{stamp}.csv"'
                )
                return response
        else:
            form = ExportColumnsForm()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Export registrations to CSV"),
            "opts": self.model._meta,
            "form": form,
            "row_count": registrations.count(),
            "filters": changelist.get_filters_params(),
            "changelist_url": reverse("admin:registrations_registration_changelist")
            + (f"?{request.GET.urlencode()}" if request.GET else ""),
        }
        return TemplateResponse(
            request, "admin/registrations/registration/export.html", context
        )

    # Actions: each asks first, calls a service per registration, reports.

    @admin.action(description=_("Resend the last e-mail"), permissions=["change"])
    def resend_last_email(self, request, queryset):
        page = self.confirm_first(
            request,
            queryset,
            action="resend_last_email",
            question=_(
                "Each of these people will get their most recent e-mail from us "
                "again, exactly as it was."
            ),
            button=_("Yes, resend"),
        )
        if page:
            return page
        resent = apply_to_each(
            queryset, outreach.resend_last_email, skip=exceptions.NoEmailToResend
        )
        self._report(
            request,
            done=resent,
            total=queryset.count(),
            done_message=ngettext(
                "%(count)d e-mail has been sent again.",
                "%(count)d e-mails have been sent again.",
                resent,
            ),
            skipped=ngettext_lazy(
                "%(count)d person had no e-mail to resend.",
                "%(count)d people had no e-mail to resend.",
                "count",
            ),
        )

    @admin.action(
        description=_("Confirm from the waiting list"), permissions=["change"]
    )
    def confirm_from_waiting_list(self, request, queryset):
        page = self.confirm_first(
            request,
            queryset,
            action="confirm_from_waiting_list",
            question=_(
                "Those on the waiting list get a seat, in the order they joined "
                "it, while seats are free, and are e-mailed their ticket. Others "
                "are left as they are."
            ),
            button=_("Yes, confirm"),
            override=True,
        )
        if page:
            return page
        form = ActionConfirmationForm(request.POST)
        override = form.is_valid() and form.cleaned_data["override_capacity"]
        confirmed = no_seat = 0
        for registration in queryset.order_by("waitlisted_at", "pk"):
            try:
                services.confirm_from_waiting_list(
                    registration=registration, override_capacity=override
                )
            except exceptions.NoSeatLeft:
                no_seat += 1
            except exceptions.NotOnWaitingList:
                continue
            else:
                confirmed += 1
        self._report(
            request,
            done=confirmed,
            total=queryset.count(),
            done_message=ngettext(
                "%(count)d person has been confirmed from the waiting list and "
                "e-mailed.",
                "%(count)d people have been confirmed from the waiting list and "
                "e-mailed.",
                confirmed,
            ),
            skipped=ngettext_lazy(
                "%(count)d person was not on the waiting list or got no seat.",
                "%(count)d people were not on the waiting list or got no seat.",
                "count",
            ),
        )
        if no_seat:
            self.message_user(
                request,
                ngettext(
                    "%(count)d person got no seat: the conference is full. Raise "
                    "its capacity, or tick the box to go over it.",
                    "%(count)d people got no seat: the conference is full. Raise "
                    "its capacity, or tick the box to go over it.",
                    no_seat,
                )
                % {"count": no_seat},
                messages.WARNING,
            )

    @admin.action(description=_("Cancel registrations"), permissions=["change"])
    def cancel_registrations(self, request, queryset):
        page = self.confirm_first(
            request,
            queryset,
            action="cancel_registrations",
            question=_(
                "These registrations will be cancelled and each person e-mailed. "
                "Every freed seat goes to the next person on the waiting list, "
                "who is e-mailed too."
            ),
            button=_("Yes, cancel them"),
        )
        if page:
            return page
        cancelled = apply_to_each(
            queryset,
            services.cancel_registration,
            skip=exceptions.RegistrationNotActive,
        )
        self._report(
            request,
            done=cancelled,
            total=queryset.count(),
            done_message=ngettext(
                "%(count)d registration has been cancelled.",
                "%(count)d registrations have been cancelled.",
                cancelled,
            ),
            skipped=ngettext_lazy(
                "%(count)d registration was already cancelled or expired.",
                "%(count)d registrations were already cancelled or expired.",
                "count",
            ),
        )

    @admin.action(description=_("Mark as checked in"), permissions=["change"])
    def check_in_registrations(self, request, queryset):
        page = self.confirm_first(
            request,
            queryset,
            action="check_in_registrations",
            question=_(
                "Confirmed attendees will be marked as arrived now. Others, and "
                "those already checked in, are left as they are."
            ),
            button=_("Yes, check them in"),
        )
        if page:
            return page
        checked_in = apply_to_each(
            queryset,
            functools.partial(services.check_in_registration, by=request.user),
            skip=(exceptions.CheckInRefused, exceptions.AlreadyCheckedIn),
        )
        self._report(
            request,
            done=checked_in,
            total=queryset.count(),
            done_message=ngettext(
                "%(count)d attendee has been checked in.",
                "%(count)d attendees have been checked in.",
                checked_in,
            ),
            skipped=ngettext_lazy(
                "%(count)d person was not confirmed or was already checked in.",
                "%(count)d people were not confirmed or were already checked in.",
                "count",
            ),
        )

    @admin.action(description=_("Print name badges"), permissions=["badges"])
    def print_badges(self, request, queryset):
        badges = tickets.badges(queryset.filter(status=RegistrationStatus.CONFIRMED))
        response = TemplateResponse(
            request,
            "registrations/desk/badges.html",
            {"event": get_current_event(request), "badges": badges},
        )
        response["Cache-Control"] = "no-store"
        return response

    def has_badges_permission(self, request):
        return request.user.has_perm("registrations.print_badges")

    def _report(self, request, *, done, total, done_message, skipped):
        self.message_user(
            request,
            done_message % {"count": done},
            messages.SUCCESS if done else messages.WARNING,
        )
        if total > done:
            left = total - done
            self.message_user(request, skipped % {"count": left}, messages.INFO)
