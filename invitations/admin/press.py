"""Press accreditations: the journalists' requests, accredited or not by an
action, their press badges and the press desk's list."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from conference.selectors import get_current_event
from invitations import press, protocol
from invitations.exceptions import InvitationRefused, PressDecisionRefused
from invitations.models import PressAccreditation, PressStatus
from registrations.admin.base import ConfirmedActionsMixin, ReadOnlyAdmin
from registrations.exceptions import NoReservedSeatLeft, NotAllowed


@admin.register(PressAccreditation)
class PressAccreditationAdmin(ConfirmedActionsMixin, ReadOnlyAdmin):
    list_display = ("journalist", "outlet", "position", "status", "created_at")
    list_filter = ("status", "language", "event")
    search_fields = ("first_name", "last_name", "email", "outlet")
    ordering = ("-created_at",)
    list_select_related = ("event",)
    actions = ("accredit", "decline", "print_press_badges")
    fieldsets = (
        (
            _("Journalist"),
            {
                "fields": (
                    "event",
                    "first_name",
                    "last_name",
                    "email",
                    "phone",
                    "language",
                    "outlet",
                    "position",
                    "country",
                )
            },
        ),
        (
            _("Needs"),
            {"fields": ("needs_interpretation", "accessibility_requirements")},
        ),
        (
            _("Decision"),
            {
                "fields": (
                    "status",
                    "created_at",
                    "decided_at",
                    "decided_by",
                    "registration",
                    "anonymised_at",
                )
            },
        ),
        (_("Consent"), {"fields": ("consent_given_at", "privacy_notice_version")}),
    )

    @admin.display(description=_("journalist"), ordering="last_name")
    def journalist(self, accreditation):
        return (
            accreditation.full_name
            if not accreditation.anonymised_at
            else str(accreditation)
        )

    def get_urls(self):
        return [
            path(
                "press-desk/",
                self.admin_site.admin_view(self.press_desk_view),
                name="invitations_pressaccreditation_press_desk",
            ),
            *super().get_urls(),
        ]

    def press_desk_view(self, request):
        """The accredited press, by outlet, to print for the press desk."""
        event = get_current_event(request)
        return TemplateResponse(
            request,
            "admin/invitations/pressaccreditation/press_desk.html",
            {
                **self.admin_site.each_context(request),
                "title": _("The press desk’s list"),
                "opts": self.model._meta,
                "event": event,
                "journalists": PressAccreditation.objects.for_event(event)
                .present()
                .accredited()
                .select_related("registration")
                .order_by("outlet", "last_name", "first_name"),
            },
        )

    def _decide(
        self, request, queryset, decide, *, done_message, action, question, button
    ):
        page = self.confirm_first(
            request, queryset, action=action, question=question, button=button
        )
        if page:
            return page
        done = skipped = 0
        for accreditation in queryset.filter(status=PressStatus.PENDING):
            try:
                decide(accreditation=accreditation, by=request.user)
            except NoReservedSeatLeft:
                self.message_user(
                    request,
                    _(
                        "No reserved seat is left for %(name)s: raise the number "
                        "of reserved seats of the event, then accredit again."
                    )
                    % {"name": accreditation.full_name},
                    messages.ERROR,
                )
                skipped += 1
            except InvitationRefused as refused:
                self.message_user(request, str(refused.reason), messages.ERROR)
                return None
            except (PressDecisionRefused, NotAllowed):
                skipped += 1
            else:
                done += 1
        self.message_user(
            request,
            done_message(done) % {"count": done},
            messages.SUCCESS if done else messages.WARNING,
        )
        return None

    @admin.action(description=_("Accredit"), permissions=["change"])
    def accredit(self, request, queryset):
        return self._decide(
            request,
            queryset,
            press.accredit_journalist,
            action="accredit",
            question=_(
                "Each journalist waiting for a decision gets a reserved seat and "
                "the ticket by e-mail. Others are left as they are."
            ),
            button=_("Yes, accredit them"),
            done_message=lambda count: ngettext(
                "%(count)d journalist has been accredited and e-mailed the ticket.",
                "%(count)d journalists have been accredited and e-mailed the ticket.",
                count,
            ),
        )

    @admin.action(description=_("Do not accredit"), permissions=["change"])
    def decline(self, request, queryset):
        return self._decide(
            request,
            queryset,
            press.decline_journalist,
            action="decline",
            question=_(
                "Each journalist waiting for a decision will be told by e-mail, "
                "politely, that they are not accredited. Others are left as they "
                "are."
            ),
            button=_("Yes, do not accredit them"),
            done_message=lambda count: ngettext(
                "%(count)d journalist has been told they are not accredited.",
                "%(count)d journalists have been told they are not accredited.",
                count,
            ),
        )

    @admin.action(description=_("Print press badges"), permissions=["badges"])
    def print_press_badges(self, request, queryset):
        return protocol.badges_response(request, accreditations=queryset)

    def has_badges_permission(self, request):
        return request.user.has_perm("registrations.print_badges")

    def has_change_permission(self, request, obj=None):
        # "Change" is deciding, through the actions; the fields stay read-only.
        return request.user.has_perm("invitations.change_pressaccreditation")
