"""The desk's actions on registrations: each asks first (saying whom the
table of registrations.rules will leave as they are, and why), calls a
service per registration, and reports what happened — a refusal is a
message, never an error page."""

import functools
from collections import Counter

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from conference.selectors import get_current_event
from registrations import exceptions, outreach, rules, services, tickets
from registrations.desk_views import needs_cjk_font
from registrations.models import RegistrationStatus
from registrations.rules import Action
from registrations.staff_forms import ActionConfirmationForm, UndoReasonForm

ACTIONS = (
    "resend_last_email",
    "confirm_from_waiting_list",
    "cancel_registrations",
    "check_in_registrations",
    "undo_check_ins",
    "print_badges",
)


def apply_to_each(queryset, service) -> tuple[int, Counter]:
    """Call `service` for each registration: how many it changed, and the
    refusals, counted by what they say."""
    done = 0
    refused = Counter()
    for registration in queryset:
        try:
            service(registration=registration)
        except exceptions.NotAllowed as refusal:
            refused[(refusal.message, refusal.decision.already)] += 1
        except exceptions.NoEmailToResend:
            refused[(str(NO_EMAIL), True)] += 1
        else:
            done += 1
    return done, refused


NO_EMAIL = _("There is no e-mail to resend.")


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
        resent, refused = apply_to_each(queryset, outreach.resend_last_email)
        self._report(
            request,
            done_message=ngettext(
                "%(count)d e-mail has been sent again.",
                "%(count)d e-mails have been sent again.",
                resent,
            )
            % {"count": resent},
            done=resent,
            refused=refused,
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
            rule=Action.CONFIRM_FROM_WAITING_LIST,
        )
        if page:
            return page
        form = ActionConfirmationForm(request.POST)
        override = form.is_valid() and form.cleaned_data["override_capacity"]
        confirmed = no_seat = 0
        refused = Counter()
        for registration in queryset.order_by("waitlisted_at", "pk"):
            try:
                services.confirm_from_waiting_list(
                    registration=registration, override_capacity=override
                )
            except exceptions.NoSeatLeft:
                no_seat += 1
            except exceptions.NotAllowed as refusal:
                refused[(refusal.message, refusal.decision.already)] += 1
            else:
                confirmed += 1
        self._report(
            request,
            done_message=ngettext(
                "%(count)d person has been confirmed from the waiting list and "
                "e-mailed.",
                "%(count)d people have been confirmed from the waiting list and "
                "e-mailed.",
                confirmed,
            )
            % {"count": confirmed},
            done=confirmed,
            refused=refused,
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
            rule=Action.CANCEL,
        )
        if page:
            return page
        cancelled, refused = apply_to_each(queryset, services.cancel_registration)
        self._report(
            request,
            done_message=ngettext(
                "%(count)d registration has been cancelled.",
                "%(count)d registrations have been cancelled.",
                cancelled,
            )
            % {"count": cancelled},
            done=cancelled,
            refused=refused,
        )

    @admin.action(description=_("Mark as checked in"), permissions=["change"])
    def check_in_registrations(self, request, queryset):
        page = self.confirm_first(
            request,
            queryset,
            action="check_in_registrations",
            question=_(
                "Confirmed attendees will be marked as checked in now. Others, and "
                "those already checked in, are left as they are."
            ),
            button=_("Yes, check them in"),
            rule=Action.CHECK_IN,
        )
        if page:
            return page
        checked_in, refused = apply_to_each(
            queryset,
            functools.partial(services.check_in_registration, by=request.user),
        )
        self._report(
            request,
            done_message=ngettext(
                "%(count)d attendee has been checked in.",
                "%(count)d attendees have been checked in.",
                checked_in,
            )
            % {"count": checked_in},
            done=checked_in,
            refused=refused,
        )

    @admin.action(description=_("Undo the check-in"), permissions=["undo"])
    def undo_check_ins(self, request, queryset):
        confirmed = request.POST.get("confirmed") == "yes"
        form = UndoReasonForm(request.POST if confirmed else None)
        page = self.confirm_first(
            request,
            queryset,
            action="undo_check_ins",
            question=_(
                "The check-in of these attendees will be undone, as if they "
                "had not arrived; the reason, your name and the time are kept "
                "in the list of undone check-ins."
            ),
            button=_("Yes, undo the check-in"),
            reason_form=form,
            rule=Action.UNDO_CHECK_IN,
        )
        if page:
            return page
        undone, refused = apply_to_each(
            queryset,
            functools.partial(
                services.undo_check_in,
                by=request.user,
                reason=form.cleaned_data["reason"],
            ),
        )
        self._report(
            request,
            done_message=ngettext(
                "%(count)d check-in has been undone.",
                "%(count)d check-ins have been undone.",
                undone,
            )
            % {"count": undone},
            done=undone,
            refused=refused,
        )

    def has_undo_permission(self, request):
        return request.user.has_perm("registrations.undo_check_in")

    @admin.action(description=_("Print name badges"), permissions=["badges"])
    def print_badges(self, request, queryset):
        event = get_current_event(request)
        shown = rules.decide(Action.SEE_PERSONAL_DATA, event=event)
        if not shown.allowed:
            self.message_user(request, shown.message, messages.WARNING)
            return None
        badges = tickets.badges(queryset.filter(status=RegistrationStatus.CONFIRMED))
        response = TemplateResponse(
            request,
            "registrations/desk/badges.html",
            {
                "event": event,
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

    def _report(self, request, *, done_message, done, refused):
        self.message_user(
            request, done_message, messages.SUCCESS if done else messages.WARNING
        )
        for (reason, already), count in refused.items():
            self.message_user(
                request,
                ngettext(
                    "%(count)d left as it was: %(reason)s",
                    "%(count)d left as they were: %(reason)s",
                    count,
                )
                % {"count": count, "reason": reason},
                messages.INFO if already else messages.WARNING,
            )
