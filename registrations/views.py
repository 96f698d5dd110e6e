import json
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from conference.page_cache import cache_public_page
from conference.selectors import get_current_event
from registrations import services
from registrations.forms import (
    LANGUAGE_NAMES,
    RegistrationDetailsForm,
    RegistrationForm,
)
from registrations.models import Registration, RegistrationStatus, TokenPurpose
from registrations.privacy import NOTICE_DATE, NOTICE_VERSION
from registrations.ratelimit import limit_post_rate
from registrations.selectors import personal_data, status_counts

TOKEN_FORMAT = re.compile(r"^[A-Za-z0-9_-]{32,100}$")


def _registration_for(token: str, purpose: TokenPurpose) -> Registration:
    """The registration a secret link belongs to, or a translated 404."""
    if not TOKEN_FORMAT.match(token):
        raise Http404("Unknown link")
    registration = Registration.objects.by_token(token, purpose=purpose).first()
    if registration is None:
        raise Http404("Unknown link")
    return registration


def _private(response):
    """Pages behind a secret link: never cached, never indexed."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def register(request):
    event = get_current_event()
    phase = event.phase()
    if not phase.registration_open:
        return render(
            request,
            "registrations/register.html",
            {
                "event": event,
                "registration_state": phase.registration,
                "registration_open": False,
            },
        )
    if request.method == "POST":
        if request.POST.get("website"):
            # The honeypot was filled: answer like a success, save nothing.
            return redirect("registrations:check_inbox")
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                services.register_attendee(event=event, details=form.cleaned_data)
            except services.RegistrationClosed as closed:
                return render(
                    request,
                    "registrations/register.html",
                    {
                        "event": event,
                        "registration_state": closed.state,
                        "registration_open": False,
                    },
                )
            return redirect("registrations:check_inbox")
    else:
        form = RegistrationForm(initial={"language": request.LANGUAGE_CODE})
    return render(
        request,
        "registrations/register.html",
        {"event": event, "form": form, "registration_open": True},
    )


@require_safe
def check_inbox(request):
    return render(
        request,
        "registrations/check_inbox.html",
        {
            "event": get_current_event(),
            "confirmation_hours": settings.REGISTRATION_CONFIRMATION_HOURS,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def confirm(request, token):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    if registration.status != RegistrationStatus.PENDING:
        return redirect("registrations:manage", token=token)
    if request.method == "POST":
        try:
            registration = services.confirm_registration(registration=registration)
        except services.RegistrationClosed as closed:
            messages.error(request, closed.state.label)
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


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
def manage(request, token):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    phase = registration.event.phase()
    form = None
    if registration.is_active and phase.is_before:
        if request.method == "POST":
            form = RegistrationDetailsForm(request.POST, instance=registration)
            if form.is_valid():
                try:
                    services.update_registration_details(
                        registration=registration, details=form.cleaned_data
                    )
                except services.RegistrationNotActive:
                    pass
                else:
                    messages.success(request, _("Your changes have been saved."))
                return redirect("registrations:manage", token=token)
            # The form keeps the visitor's input; the page shows stored data.
            registration.refresh_from_db()
        else:
            form = RegistrationDetailsForm(instance=registration)
    elif request.method == "POST":
        return redirect("registrations:manage", token=token)
    return _private(
        render(
            request,
            "registrations/manage.html",
            {
                "registration": registration,
                "event": registration.event,
                "form": form,
                "token": token,
                "phase": phase,
                "data": personal_data(registration),
                "language_name": LANGUAGE_NAMES.get(registration.language, ""),
            },
        )
    )


@never_cache
@require_safe
def download_data(request, token):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    body = json.dumps(
        personal_data(registration), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-registration.json"'
    return _private(response)


def _cancel_view(request, token, *, leave_waiting_list: bool):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    allowed = (
        registration.status == RegistrationStatus.WAITLISTED
        if leave_waiting_list
        else registration.is_active
    )
    if not allowed or registration.event.phase().has_started:
        return redirect("registrations:manage", token=token)
    if request.method == "POST":
        try:
            if leave_waiting_list:
                services.leave_waiting_list(registration=registration)
                messages.success(request, _("You have left the waiting list."))
            else:
                services.cancel_registration(registration=registration)
                messages.success(request, _("Your registration has been cancelled."))
        except services.RegistrationError:
            pass
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
            "event": get_current_event(),
            "notice_version": NOTICE_VERSION,
            "notice_date": NOTICE_DATE,
            "retention_days": settings.REGISTRATION_RETENTION_DAYS,
            "confirmation_hours": settings.REGISTRATION_CONFIRMATION_HOURS,
        },
    )


@never_cache
@login_required
@permission_required("registrations.check_in_registration", raise_exception=True)
@require_http_methods(["GET", "HEAD", "POST"])
def check_in(request, token):
    registration = _registration_for(token, TokenPurpose.CHECK_IN)
    if request.method == "POST":
        try:
            services.check_in_registration(registration=registration, by=request.user)
        except services.AlreadyCheckedIn:
            pass  # the page says when
        except services.CheckInRefused:
            pass  # the page says why
        else:
            messages.success(
                request,
                _("%(name)s is checked in.") % {"name": registration.full_name},
            )
        return redirect(reverse("registrations:check_in", kwargs={"token": token}))
    return _private(
        render(
            request,
            "registrations/check_in.html",
            {
                "registration": registration,
                "event": registration.event,
                "phase": registration.event.phase(),
                "token": token,
                "counts": status_counts(registration.event),
            },
        )
    )
