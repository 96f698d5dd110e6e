import re

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from archive import selectors, services
from archive.certificates import CertificateNotDrawn, certificate_pdf
from archive.forms import FeedbackForm
from archive.models import Certificate, Feedback, Photo
from conference.page_cache import cache_public_page
from conference.selectors import get_current_event
from registrations import rules
from registrations.exceptions import NotAllowed
from registrations.models import TokenPurpose
from registrations.ratelimit import limit_post_rate
from registrations.rules import Action
from registrations.views import _private, _registration_for, secret_link_view

CODE_FORMAT = re.compile(r"^[A-Za-z0-9_-]{8,32}$")


@require_safe
@cache_public_page
def gallery(request):
    event = get_current_event(request)
    return render(
        request,
        "archive/gallery.html",
        {"event": event, "photos": selectors.gallery(event)},
    )


@require_safe
@cache_public_page
def photo(request, pk):
    event = get_current_event(request)
    picture = get_object_or_404(Photo.objects.published(event), pk=pk)
    return render(request, "archive/photo.html", {"event": event, "photo": picture})


@never_cache
@require_safe
def verify(request, code):
    """Public: confirms a certificate is genuine, showing only what it says."""
    if not CODE_FORMAT.match(code):
        raise Http404("Unknown certificate")
    certificate = get_object_or_404(
        Certificate.objects.select_related("registration__event"), code=code
    )
    registration = certificate.registration
    return _private(
        render(
            request,
            "archive/verify.html",
            {
                "certificate": certificate,
                "registration": registration,
                "event": registration.event,
                # Until the data count as erased (then: no name, as after).
                "name_shown": rules.decide(
                    Action.SEE_PERSONAL_DATA, registration=registration
                ).allowed,
            },
        )
    )


def _not_for_you(request, refusal):
    """The table's reason; a 404 when it is not for this person at all."""
    return _private(
        render(
            request,
            "archive/not_available.html",
            {"event": refusal.decision.event, "refusal": refusal.decision},
            status=200 if refusal.decision.by_phase else 404,
        )
    )


@never_cache
@require_safe
@secret_link_view
def certificate(request, token):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    try:
        issued = services.issue_certificate(registration=registration)
    except NotAllowed as refusal:
        return _not_for_you(request, refusal)
    try:
        pdf = certificate_pdf(issued)
    except CertificateNotDrawn:
        response = _private(
            render(
                request,
                "archive/not_available.html",
                {"event": registration.event, "not_drawn": True},
                status=503,
            )
        )
        response["Retry-After"] = "300"
        return response
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"certificate-{registration.event.slug}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_post_rate
@secret_link_view
def feedback(request, token):
    registration = _registration_for(token, TokenPurpose.MANAGE)
    event = registration.event
    try:
        rules.require(Action.GIVE_FEEDBACK, registration=registration)
    except NotAllowed as refusal:
        return _not_for_you(request, refusal)
    already = Feedback.objects.filter(registration=registration).exists()
    form = None
    if not already:
        form = FeedbackForm(request.POST or None, event=event)
        if request.method == "POST" and form.is_valid():
            try:
                services.submit_feedback(
                    registration=registration, answers=form.cleaned_data
                )
            except services.FeedbackAlreadyGiven:
                pass  # the page says that the answer is in
            except NotAllowed as refusal:
                messages.error(request, refusal.message)
            else:
                messages.success(request, _("Thank you for your feedback."))
            return redirect("archive:feedback", token=token)
    elif request.method == "POST":
        return redirect("archive:feedback", token=token)
    return _private(
        render(
            request,
            "archive/feedback.html",
            {
                "event": event,
                "registration": registration,
                "token": token,
                "form": form,
                "already": already,
            },
        )
    )
