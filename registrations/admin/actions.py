"""The desk's actions on registrations: each asks first, calls a service per
registration, and reports what happened."""

import functools

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from conference.selectors import get_current_event
from registrations import exceptions, outreach, services, tickets
from registrations.desk_views import needs_cjk_font
from registrations.forms import ActionConfirmationForm
from registrations.models import RegistrationStatus

ACTIONS = (
    "resend_last_email",
    "confirm_from_waiting_list",
    "cancel_registrations",
    "check_in_registrations",
    "print_badges",
)


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


class RegistrationActionsMixin:
    """Used with ConfirmedActionsMixin (its `confirm_first`)."""

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
            {
                "event": get_current_event(request),
                "badges": badges,
                "needs_cjk_font": needs_cjk_font(
                    [badge["registration"] for badge in badges]
                ),
            },
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
