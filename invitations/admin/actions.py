"""The organisers' actions on the guest list: each asks first (those that
write to guests), calls a service of invitations.services or protocol.py, and
says what happened; a refusal of the rules is the message, never an error."""

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from conference.spreadsheets import table_response
from invitations import protocol, services
from invitations.exceptions import InvitationRefused
from invitations.exports import export_guests

SEND_PERMISSION = "invitations.send_invitations"


class GuestActionsMixin:
    """Used with ConfirmedActionsMixin (its `confirm_first`)."""

    actions = (
        "send_invitations",
        "send_reminders",
        "withdraw_invitations",
        "add_delegates",
        "print_badges",
        "print_name_cards",
        "export_xlsx",
        "export_csv",
    )

    def has_send_permission(self, request):
        return request.user.has_perm(SEND_PERMISSION)

    def _refused(self, request, refused: InvitationRefused):
        self.message_user(request, str(refused.reason), messages.ERROR)

    def _ask_then_run(self, request, queryset, *, action, question, button, run, done):
        """Ask first; then run the service on the guests and say how many it
        changed (`done` is an ngettext of the count), or why it refused."""
        page = self.confirm_first(
            request, queryset, action=action, question=question, button=button
        )
        if page:
            return page
        try:
            count = run(guests=queryset)
        except InvitationRefused as refused:
            return self._refused(request, refused)
        self.message_user(
            request,
            done(count) % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )
        return None

    @admin.action(description=_("Send invitations"), permissions=["send"])
    def send_invitations(self, request, queryset):
        return self._ask_then_run(
            request,
            queryset,
            action="send_invitations",
            question=_(
                "Each guest not invited yet (or whose invitation was withdrawn) "
                "will get the invitation by e-mail, in their language, with a "
                "personal link to accept or decline. Others are left as they are."
            ),
            button=_("Yes, send the invitations"),
            run=services.send_invitations,
            done=lambda count: ngettext(
                "%(count)d invitation has been sent.",
                "%(count)d invitations have been sent.",
                count,
            ),
        )

    @admin.action(description=_("Send a reminder"), permissions=["send"])
    def send_reminders(self, request, queryset):
        return self._ask_then_run(
            request,
            queryset,
            action="send_reminders",
            question=_(
                "Each guest who has not answered will be reminded of the "
                "invitation by e-mail (at most once a day). Others are left as "
                "they are."
            ),
            button=_("Yes, send the reminders"),
            run=services.send_reminders,
            done=lambda count: ngettext(
                "%(count)d guest has been reminded.",
                "%(count)d guests have been reminded.",
                count,
            ),
        )

    @admin.action(description=_("Withdraw the invitations"), permissions=["send"])
    def withdraw_invitations(self, request, queryset):
        return self._ask_then_run(
            request,
            queryset,
            action="withdraw_invitations",
            question=_(
                "The invitations not answered yet will be withdrawn: their link "
                "will say, politely, that the invitation is no longer valid. No "
                "e-mail is sent. Answered invitations are left as they are."
            ),
            button=_("Yes, withdraw them"),
            run=services.withdraw_invitations,
            done=lambda count: ngettext(
                "%(count)d invitation has been withdrawn.",
                "%(count)d invitations have been withdrawn.",
                count,
            ),
        )

    @admin.action(
        description=_("Add the delegates they named to the list"),
        permissions=["change"],
    )
    def add_delegates(self, request, queryset):
        try:
            added = services.add_delegates(guests=queryset)
        except InvitationRefused as refused:
            return self._refused(request, refused)
        self.message_user(
            request,
            ngettext(
                "%(count)d delegate has been added to the list, not invited yet: "
                "check their details, then send the invitation.",
                "%(count)d delegates have been added to the list, not invited "
                "yet: check their details, then send the invitations.",
                len(added),
            )
            % {"count": len(added)},
            messages.SUCCESS if added else messages.WARNING,
        )

    @admin.action(
        description=_("Print badges (protocol order)"), permissions=["badges"]
    )
    def print_badges(self, request, queryset):
        return protocol.badges_response(request, guests=queryset)

    def has_badges_permission(self, request):
        return request.user.has_perm("registrations.print_badges")

    @admin.action(
        description=_("Name cards for the table (PDF, protocol order)"),
        permissions=["view"],
    )
    def print_name_cards(self, request, queryset):
        from invitations.namecards import name_cards_pdf

        response = HttpResponse(
            name_cards_pdf(queryset.in_protocol_order()),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = 'attachment; filename="name-cards.pdf"'
        response["Cache-Control"] = "no-store"
        return response

    def _export(self, request, queryset, file_format):
        table, log = export_guests(guests=queryset, by=request.user)
        stamp = timezone.localtime(log.exported_at).strftime("%Y%m%d-%H%M")
        return table_response(
            table, file_format=file_format, filename=f"guest-list-{stamp}"
        )

    @admin.action(
        description=_("Export selected guests (Excel)"), permissions=["export"]
    )
    def export_xlsx(self, request, queryset):
        return self._export(request, queryset, "xlsx")

    @admin.action(description=_("Export selected guests (CSV)"), permissions=["export"])
    def export_csv(self, request, queryset):
        return self._export(request, queryset, "csv")

    def has_export_permission(self, request):
        return request.user.has_perm("registrations.export_registrations")
