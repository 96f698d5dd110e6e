"""The guest list's own pages in the admin: the import (upload, preview,
import), releasing reserved seats, the protocol order and the list of the
first rows. Each calls a service; none changes a row itself."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from conference.ids import is_valid_id
from conference.models import Event
from invitations import imports, protocol, rules
from invitations.forms import GuestImportForm, ReleaseSeatsForm
from invitations.models import Guest, InvitationStatus
from registrations import exceptions, reserved

CHANGELIST = "admin:invitations_guest_changelist"


class GuestPagesMixin:
    def get_urls(self):
        pages = [
            ("import/", self.import_view, "import"),
            ("release-seats/", self.release_seats_view, "release_seats"),
            ("protocol-order/", self.protocol_order_view, "protocol_order"),
            ("first-rows/", self.first_rows_view, "first_rows"),
        ]
        return [
            path(
                route,
                self.admin_site.admin_view(view),
                name=f"invitations_guest_{name}",
            )
            for route, view, name in pages
        ] + super().get_urls()

    def _page(self, request, template, title, **context):
        return TemplateResponse(
            request,
            f"admin/invitations/guest/{template}",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.model._meta,
                **context,
            },
        )

    def _event(self, request):
        event = Event.objects.current()
        if event is None:
            messages.error(request, gettext("There is no current event."))
        return event

    # The import: upload, preview, import ---------------------------------

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        event = self._event(request)
        if event is None:
            return HttpResponseRedirect(reverse(CHANGELIST))
        preview = payload = None
        form = GuestImportForm()
        if request.method == "POST" and "payload" in request.POST:
            return self._import(request, event, request.POST["payload"])
        if request.method == "POST":
            form = GuestImportForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                preview = imports.read_guest_list(
                    event=event,
                    name=upload.name,
                    data=upload.read(imports.MAX_BYTES + 1),
                )
                if preview.can_import:
                    payload = imports.preview_payload(event=event, preview=preview)
        return self._page(
            request,
            "import.html",
            _("Import the guest list"),
            event=event,
            form=form,
            preview=preview,
            payload=payload,
        )

    def _import(self, request, event, payload):
        try:
            rows = imports.rows_from_payload(event=event, payload=payload)
            added = imports.import_guests(event=event, rows=rows)
        except ValueError:
            messages.error(
                request,
                gettext(
                    "Nothing was imported: the preview is too old or was changed. "
                    "Please upload the file again."
                ),
            )
            return HttpResponseRedirect(reverse("admin:invitations_guest_import"))
        except imports.GuestImportConflict as conflict:
            messages.error(
                request,
                gettext(
                    "Nothing was imported: these addresses were added to the list "
                    "in the meantime: %(emails)s. Please upload the file again."
                )
                % {"emails": ", ".join(conflict.emails)},
            )
            return HttpResponseRedirect(reverse("admin:invitations_guest_import"))
        messages.success(
            request,
            ngettext(
                "%(count)d guest has been added to the list, not invited yet.",
                "%(count)d guests have been added to the list, not invited yet.",
                len(added),
            )
            % {"count": len(added)},
        )
        return HttpResponseRedirect(reverse(CHANGELIST))

    # Releasing reserved seats to the public -------------------------------

    def release_seats_view(self, request):
        if not request.user.has_perm("invitations.send_invitations"):
            raise PermissionDenied
        event = self._event(request)
        if event is None:
            return HttpResponseRedirect(reverse(CHANGELIST))
        seats = reserved.reserved_seats(event)
        awaiting = Guest.objects.for_event(event).filter(status=InvitationStatus.SENT)
        refusal = rules.refusal(rules.Action.RELEASE_RESERVED_SEATS, event=event)
        form = ReleaseSeatsForm(
            request.POST or None,
            unused=seats.free,
            initial={"seats": max(seats.free - awaiting.count(), 0) or seats.free},
        )
        if request.method == "POST" and refusal is None and form.is_valid():
            try:
                promoted = reserved.release_reserved_seats(
                    event=event, seats=form.cleaned_data["seats"]
                )
            except exceptions.ReservedSeatsUnavailable as refused:
                messages.error(
                    request,
                    gettext(
                        "Nothing was released: only %(unused)d reserved seats are "
                        "free now."
                    )
                    % {"unused": refused.unused},
                )
            except exceptions.NotAllowed as refused:
                messages.error(request, refused.message)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(seats)d reserved seat has gone to the public; %(count)d "
                        "people from the waiting list got a seat and were e-mailed.",
                        "%(seats)d reserved seats have gone to the public; %(count)d "
                        "people from the waiting list got a seat and were e-mailed.",
                        form.cleaned_data["seats"],
                    )
                    % {"seats": form.cleaned_data["seats"], "count": len(promoted)},
                )
                return HttpResponseRedirect(reverse(CHANGELIST))
        return self._page(
            request,
            "release_seats.html",
            _("Release reserved seats to the public"),
            event=event,
            seats=seats,
            awaiting=awaiting.count(),
            refusal=refusal,
            form=form,
        )

    # Protocol order ---------------------------------------------------------

    def protocol_order_view(self, request):
        event = self._event(request)
        if event is None:
            return HttpResponseRedirect(reverse(CHANGELIST))
        can_change = self.has_change_permission(request)
        if request.method == "POST":
            if not can_change:
                raise PermissionDenied
            ids = request.POST.getlist("guest")
            if all(is_valid_id(Guest._meta.pk, value) for value in ids):
                ids = [int(value) for value in ids]
                move = request.POST.get("move", "")
                ids = _moved(ids, move)
                numbered = protocol.set_protocol_order(event=event, guest_ids=ids)
                messages.success(
                    request,
                    ngettext(
                        "The protocol order of %(count)d guest has been saved.",
                        "The protocol order of %(count)d guests has been saved.",
                        numbered,
                    )
                    % {"count": numbered},
                )
            return HttpResponseRedirect(
                reverse("admin:invitations_guest_protocol_order")
            )
        guests = list(
            Guest.objects.for_event(event)
            .present()
            .exclude(status=InvitationStatus.WITHDRAWN)
            .in_protocol_order()
        )
        return self._page(
            request,
            "protocol_order.html",
            _("Protocol order"),
            event=event,
            guests=guests,
            can_change=can_change,
        )

    def first_rows_view(self, request):
        event = self._event(request)
        if event is None:
            return HttpResponseRedirect(reverse(CHANGELIST))
        return self._page(
            request,
            "first_rows.html",
            _("The front rows"),
            event=event,
            guests=protocol.first_rows(event),
        )


def _moved(ids: list[int], move: str) -> list[int]:
    """The order after an “up”/“down” button: `move` is "up:<id>" or
    "down:<id>"; anything else leaves the order as posted."""
    direction, _sep, value = move.partition(":")
    if direction not in ("up", "down") or not value.isdigit():
        return ids
    guest_id = int(value)
    if guest_id not in ids:
        return ids
    index = ids.index(guest_id)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
    return ids
