import functools
import json
import re

from django.conf import settings
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from conference.page_cache import cache_public_page
from conference.phases import doors_open_at
from conference.selectors import get_current_event
from registrations import exceptions, rules, services
from registrations.forms import (
    LANGUAGE_NAMES,
    RegistrationDetailsForm,
    RegistrationForm,
)
from registrations.models import Registration, RegistrationStatus, TokenPurpose
from registrations.privacy import NOTICE_DATE, NOTICE_VERSION
from registrations.ratelimit import limit_post_rate
from registrations.rules import Action
from registrations.selectors import personal_data

TOKEN_FORMAT = re.compile(r"^[A-Za-z0-9_-]{32,100}$")


class DataErased(Http404):
    """A secret link of a registration whose personal data the table treats
    as erased: the page says so (see `erased_page`)."""

    def __init__(self, decision):
        super().__init__("Personal data erased")
        self.decision = decision


def _registration_for(token: str, purpose: TokenPurpose) -> Registration:
    """The registration a secret link belongs to, or a translated 404; from
    the moment the event's data count as erased, a 404 that says so."""
    if not TOKEN_FORMAT.match(token):
        raise Http404("Unknown link")
    registration = Registration.objects.by_token(token, purpose=purpose).first()
    if registration is None:
        raise Http404("Unknown link")
    decision = rules.decide(Action.SEE_PERSONAL_DATA, registration=registration)
    if not decision.allowed:
        raise DataErased(decision)
    return registration


def secret_link_view(view):
    """Renders DataErased as the page that says why the link stopped."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DataErased as erased:
            return _private(
                render(
                    request,
                    "registrations/erased.html",
                    {"event": erased.decision.event, "reason": erased.decision},
                    status=404,
                )
            )

    return wrapper


def refuse(request, refusal: exceptions.NotAllowed) -> None:
    """The table's reason as a message: a warning when it was done before."""
    if refusal.decision.already:
        messages.warning(request, refusal.message)
    else:
        messages.error(request, refusal.message)


def _private(response):
    """Pages behind a secret link: never cached, never indexed."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _registration_closed(request, decision):
    return render(
        request,
        "registrations/register.html",
        {
            "event": decision.event,
            "phase": decision.phase,
            "registration_state": decision.phase.registration,
            "refusal": decision,
            "registration_open": False,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def register(request):
    event = get_current_event(request)
    decision = rules.decide(Action.REGISTER, event=event)
    if not decision.allowed:
        return _registration_closed(request, decision)
    if request.method == "POST":
        if request.POST.get("website"):
            # The honeypot was filled: answer like a success, save nothing.
            return redirect("registrations:check_inbox")
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                services.register_attendee(event=event, details=form.cleaned_data)
            except exceptions.NotAllowed as refused:
                return _registration_closed(request, refused.decision)
            return redirect("registrations:check_inbox")
    else:
        form = RegistrationForm(initial={"language": request.LANGUAGE_CODE})
    return render(
        request,
        "registrations/register.html",
        {
            "event": event,
            "phase": decision.phase,
            "form": form,
            "registration_open": True,
        },
    )


@require_safe
def check_inbox(request):
    return render(
        request,
        "registrations/check_inbox.html",
        {
            "event": get_current_event(request),
            "confirmation_hours": settings.REGISTRATION_CONFIRMATION_HOURS,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
@secret_link_view
def confirm(request, token):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    decision = rules.decide(Action.CONFIRM, registration=registration)
    if not decision.allowed:
        refuse(request, exceptions.NotAllowed(decision))
        return redirect("registrations:manage", token=token)
    if request.method == "POST":
        try:
            registration = services.confirm_registration(registration=registration)
        except exceptions.NotAllowed as refused:
            refuse(request, refused)
            return redirect("registrations:manage", token=token)
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(
                request,
                _(
                    "Your seat is confirmed. We have sent your ticket to your "
                    "e-mail address."
                ),
            )
        elif registration.status == RegistrationStatus.WAITLISTED:
            messages.info(
                request,
                _(
                    "All seats are taken, so you are on the waiting list. We will "
                    "e-mail you as soon as a seat is free."
                ),
            )
        return redirect("registrations:manage", token=token)
    return _private(
        render(
            request,
            "registrations/confirm.html",
            {
                "registration": registration,
                "event": registration.event,
                "token": token,
                "deadline": services.confirmation_deadline(registration),
            },
        )
    )


# What the registration page offers, each as the table answers it now.
MANAGE_ACTIONS = (
    Action.REGISTER,
    Action.CONFIRM,
    Action.CHANGE_DETAILS,
    Action.CANCEL,
    Action.LEAVE_WAITING_LIST,
    Action.ISSUE_CERTIFICATE,
    Action.GIVE_FEEDBACK,
)


def what_can_be_done(registration: Registration, actions=MANAGE_ACTIONS) -> dict:
    """{action: Decision} for the page, one phase for all of them."""
    phase = registration.event.phase()
    return {
        action.value: rules.decide(action, registration=registration, phase=phase)
        for action in actions
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
@secret_link_view
def manage(request, token):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    can = what_can_be_done(registration)
    change = can[Action.CHANGE_DETAILS]
    form = None
    if request.method == "POST":
        if not change.allowed:
            messages.error(request, change.message)
            return redirect("registrations:manage", token=token)
        form = RegistrationDetailsForm(request.POST, instance=registration)
        if form.is_valid():
            try:
                services.update_registration_details(
                    registration=registration, details=form.cleaned_data
                )
            except exceptions.NotAllowed as refused:
                refuse(request, refused)
            else:
                messages.success(request, _("Your changes have been saved."))
            return redirect("registrations:manage", token=token)
        # The form keeps the visitor's input; the page shows stored data.
        registration.refresh_from_db()
    elif change.allowed:
        form = RegistrationDetailsForm(instance=registration)
    return _private(
        render(
            request,
            "registrations/manage.html",
            {
                "registration": registration,
                "event": registration.event,
                "form": form,
                "token": token,
                "phase": change.phase,
                "doors_at": doors_open_at(registration.event),
                "state": rules.state_of(registration),
                "can": can,
                "data": personal_data(registration),
                "language_name": LANGUAGE_NAMES.get(registration.language, ""),
            },
        )
    )


@never_cache
@require_safe
@secret_link_view
def download_data(request, token):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    body = json.dumps(
        personal_data(registration), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-registration.json"'
    return _private(response)


@secret_link_view
def _cancel_view(request, token, *, leave_waiting_list: bool):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    action = Action.LEAVE_WAITING_LIST if leave_waiting_list else Action.CANCEL
    decision = rules.decide(action, registration=registration)
    if not decision.allowed:
        refuse(request, exceptions.NotAllowed(decision))
        return redirect("registrations:manage", token=token)
    if request.method == "POST":
        try:
            if leave_waiting_list:
                services.leave_waiting_list(registration=registration)
                messages.success(request, _("You have left the waiting list."))
            else:
                services.cancel_registration(registration=registration)
                messages.success(request, _("Your registration has been cancelled."))
        except exceptions.NotAllowed as refused:
            refuse(request, refused)
        return redirect("registrations:manage", token=token)
    return _private(
        render(
            request,
            "registrations/cancel.html",
            {
                "registration": registration,
                "event": registration.event,
                "token": token,
                "leave_waiting_list": leave_waiting_list,
            },
        )
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def cancel(request, token):
    return _cancel_view(request, token, leave_waiting_list=False)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def leave_waiting_list(request, token):
    return _cancel_view(request, token, leave_waiting_list=True)


@require_safe
@cache_public_page
def privacy(request):
    return render(
        request,
        "registrations/privacy.html",
        {
            "event": get_current_event(request),
            "notice_version": NOTICE_VERSION,
            "notice_date": NOTICE_DATE,
            "retention_days": settings.REGISTRATION_RETENTION_DAYS,
            "confirmation_hours": settings.REGISTRATION_CONFIRMATION_HOURS,
        },
    )
