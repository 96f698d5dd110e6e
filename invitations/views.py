"""The guests' pages behind the invitation's secret link (see the invitation,
accept it, decline it) and the journalists' request for accreditation.

No URL carries a sequential id; the pages behind a link are never cached and
never indexed. Refusals (the doors are open, the invitation was withdrawn,
no reserved seat is left) are said on the page, never a 500.
"""

import re

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from conference.selectors import get_current_event
from invitations import press, rules, services
from invitations.exceptions import InvitationError, InvitationRefused
from invitations.forms import (
    AcceptInvitationForm,
    DeclineInvitationForm,
    PressAccreditationForm,
)
from invitations.models import Guest, InvitationStatus
from registrations.exceptions import NoReservedSeatLeft, NotAllowed
from registrations.ratelimit import limit_post_rate
from registrations.rules import Action, decide
from registrations.salutations import salutation

TOKEN_FORMAT = re.compile(r"^[A-Za-z0-9_-]{32,100}$")


def _guest_for(token: str) -> Guest:
    """The guest a secret link belongs to, or a translated 404."""
    if not TOKEN_FORMAT.match(token):
        raise Http404("Unknown link")
    guest = Guest.objects.by_token(token).first()
    if guest is None:
        raise Http404("Unknown link")
    return guest


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _page(request, template, guest, token, **context):
    # From the day the data are erased, the page says so and names nobody,
    # even before the nightly job has emptied the row (issue 21's table).
    personal = decide(Action.SEE_PERSONAL_DATA, event=guest.event)
    return _private(
        render(
            request,
            template,
            {
                "guest": guest,
                "event": guest.event,
                "token": token,
                "refusal": rules.refusal(
                    rules.Action.ACCEPT_INVITATION, event=guest.event
                ),
                "erased": not personal.allowed,
                # „Уважаема г-жо Петрова,“ as the guest's e-mails open; a bare
                # name before „моля“ reads as a summons.
                "salutation": salutation(guest) if personal.allowed else "",
                **context,
            },
        )
    )


@never_cache
@require_safe
def invitation(request, token):
    guest = _guest_for(token)
    return _page(request, "invitations/invitation.html", guest, token)


def _can_answer(guest: Guest, *, accepting: bool) -> bool:
    action = (
        rules.Action.ACCEPT_INVITATION if accepting else rules.Action.DECLINE_INVITATION
    )
    if rules.refusal(action, event=guest.event):
        return False
    if accepting:
        return guest.status in services.OPEN_STATUSES
    return guest.status == InvitationStatus.SENT


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def accept(request, token):
    guest = _guest_for(token)
    if not _can_answer(guest, accepting=True):
        return redirect("invitations:invitation", token=token)
    if request.method == "POST":
        form = AcceptInvitationForm(request.POST)
        if form.is_valid():
            try:
                services.accept_invitation(guest=guest, answers=form.cleaned_data)
            except NoReservedSeatLeft:
                messages.error(
                    request,
                    _(
                        "We are sorry: all the seats reserved for invited guests "
                        "are taken at the moment. The organisers can see your "
                        "answer and will contact you."
                    ),
                )
            except InvitationRefused as refused:
                messages.error(request, str(refused.reason))
            except (InvitationError, NotAllowed):
                pass  # the invitation's page says where it stands
            else:
                messages.success(
                    request,
                    _(
                        "Thank you for accepting the invitation. Your seat is "
                        "confirmed, and we have sent your ticket to your e-mail "
                        "address."
                    ),
                )
            return redirect("invitations:invitation", token=token)
    else:
        form = AcceptInvitationForm(
            initial={
                "language": guest.language,
                "needs_interpretation": guest.needs_interpretation,
                "accessibility_requirements": guest.accessibility_requirements,
                "dietary_requirements": guest.dietary_requirements,
            }
        )
    return _page(request, "invitations/accept.html", guest, token, form=form)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def decline(request, token):
    guest = _guest_for(token)
    if not _can_answer(guest, accepting=False):
        return redirect("invitations:invitation", token=token)
    if request.method == "POST":
        form = DeclineInvitationForm(request.POST)
        if form.is_valid():
            try:
                services.decline_invitation(
                    guest=guest,
                    delegate_name=form.cleaned_data["delegate_name"],
                    delegate_email=form.cleaned_data["delegate_email"],
                )
            except InvitationRefused as refused:
                messages.error(request, str(refused.reason))
            except InvitationError:
                pass
            else:
                messages.success(
                    request, _("Thank you for letting us know. Your answer is saved.")
                )
            return redirect("invitations:invitation", token=token)
    else:
        form = DeclineInvitationForm()
    return _page(request, "invitations/decline.html", guest, token, form=form)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def press_accreditation(request):
    event = get_current_event(request)
    refusal = rules.refusal(rules.Action.APPLY_FOR_PRESS, event=event)
    form = None
    if refusal is None:
        if request.method == "POST":
            if request.POST.get("website"):
                # The honeypot was filled: answer like a success, save nothing.
                return redirect("invitations:press_received")
            form = PressAccreditationForm(request.POST)
            if form.is_valid():
                try:
                    press.apply_for_press(event=event, details=form.cleaned_data)
                except InvitationRefused as refused:
                    refusal = refused.reason
                else:
                    return redirect("invitations:press_received")
        else:
            form = PressAccreditationForm(initial={"language": request.LANGUAGE_CODE})
    return render(
        request,
        "invitations/press.html",
        {"event": event, "form": form if refusal is None else None, "refusal": refusal},
    )


@require_safe
def press_received(request):
    return render(
        request,
        "invitations/press_received.html",
        {"event": get_current_event(request)},
    )
