"""Staff pages of the registration desk: check-in by name or by the ticket's
link, undoing a check-in (organisers), the live count, printable badges and
the sign-in sheet.

Every page needs a signed-in staff member with its permission (anonymous →
login, others → 403), is never cached, and is small: no scripts but one tiny
static file for the live count. What each may do now — check in, undo, see
the names at all once the data count as erased — is the table's answer
(registrations.rules); a refusal is a message on the page.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from conference.fonts import characters_digest, cjk_characters, cjk_web_font
from conference.phases import doors_open_at
from conference.selectors import get_current_event
from conference.spreadsheets import FORMATS, table_response
from registrations import exceptions, rules, services, tickets
from registrations.exports import export_check_in_list
from registrations.models import Registration, RegistrationStatus, TokenPurpose
from registrations.rules import Action
from registrations.selectors import status_counts
from registrations.staff_forms import (
    CheckInSearchForm,
    DeskCheckInForm,
    DeskUndoCheckInForm,
)
from registrations.views import _private, _registration_for, secret_link_view

SEARCH_RESULTS = 30
CHECK_IN = "registrations.check_in_registration"
UNDO = "registrations.undo_check_in"


def staff_page(permission):
    """Signed in (else to the login page), with `permission` (else 403),
    never cached."""

    def decorate(view):
        return never_cache(
            login_required(permission_required(permission, raise_exception=True)(view))
        )

    return decorate


def _search_url(query: str) -> str:
    url = reverse("registrations:check_in_search")
    return f"{url}?{urlencode({'q': query})}" if query else url


def _say(request, name: str, refusal: exceptions.NotAllowed) -> None:
    text = _("%(name)s: %(reason)s") % {"name": name, "reason": refusal.message}
    if refusal.decision.already:
        messages.warning(request, text)
    else:
        messages.error(request, text)


def report_check_in(request, registration: Registration) -> None:
    """Check in, and say in a message what happened."""
    name = registration.full_name
    try:
        services.check_in_registration(registration=registration, by=request.user)
    except exceptions.NotAllowed as refused:
        _say(request, name, refused)
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": name})


def report_undo(request, registration: Registration, reason: str) -> None:
    """Undo a check-in (organisers only), and say what happened."""
    if not request.user.has_perm(UNDO):
        raise PermissionDenied
    name = registration.full_name
    try:
        services.undo_check_in(
            registration=registration, by=request.user, reason=reason
        )
    except exceptions.NotAllowed as refused:
        _say(request, name, refused)
    else:
        messages.success(
            request, _("The check-in of %(name)s has been undone.") % {"name": name}
        )


def desk_person(request, registration: Registration, phase=None) -> dict:
    """What the desk shows of one person: whether they may be checked in now,
    and, for organisers, whether their check-in may be undone."""
    phase = phase or registration.event.phase()
    undo = None
    if request.user.has_perm(UNDO):
        undo = rules.decide(
            Action.UNDO_CHECK_IN, registration=registration, phase=phase
        )
    return {
        "registration": registration,
        "check_in": rules.decide(
            Action.CHECK_IN, registration=registration, phase=phase
        ),
        "undo": undo,
        "undo_form": DeskUndoCheckInForm(initial={"registration": registration.pk}),
    }


def _desk_now(event) -> dict:
    """What the desk says above everything: may people be checked in now,
    and may the names be shown at all."""
    phase = event.phase()
    return {
        "phase": phase,
        "doors_at": doors_open_at(event),
        "check_in_now": rules.decide(Action.CHECK_IN, event=event, phase=phase),
        "names_shown": rules.decide(Action.SEE_PERSONAL_DATA, event=event, phase=phase),
    }


@staff_page(CHECK_IN)
@require_http_methods(["GET", "HEAD", "POST"])
def check_in_search(request):
    event = get_current_event(request)
    if request.method == "POST":
        query = request.POST.get("q", "")[:100]
        if "reason" in request.POST:
            form = DeskUndoCheckInForm(request.POST)
            if form.is_valid():
                report_undo(
                    request,
                    form.cleaned_data["registration"],
                    form.cleaned_data["reason"],
                )
            else:
                messages.error(request, _("Say why the check-in is undone."))
        else:
            form = DeskCheckInForm(request.POST)
            if form.is_valid():
                report_check_in(request, form.cleaned_data["registration"])
        return redirect(_search_url(query))
    now = _desk_now(event)
    search = CheckInSearchForm(request.GET or None)
    people = None
    if search.is_valid() and now["names_shown"].allowed:
        found = (
            Registration.objects.for_event(event)
            .exclude(status=RegistrationStatus.EXPIRED)
            .filter(anonymised_at__isnull=True)
            .search(search.cleaned_data["q"])
            .by_last_name()[:SEARCH_RESULTS]
        )
        people = [desk_person(request, person, now["phase"]) for person in found]
    return render(
        request,
        "registrations/desk/check_in_search.html",
        {
            **now,
            "event": event,
            "form": search,
            "query": search.cleaned_data.get("q", "") if search.is_bound else "",
            "people": people,
            "result_limit": SEARCH_RESULTS,
            "counts": status_counts(event),
        },
    )


@staff_page(CHECK_IN)
@require_http_methods(["GET", "HEAD", "POST"])
@secret_link_view
def check_in(request, token):
    """The page a ticket's or badge's QR code opens."""
    registration = _registration_for(token, TokenPurpose.CHECK_IN)
    if request.method == "POST":
        if "reason" in request.POST:
            form = DeskUndoCheckInForm(request.POST)
            if form.is_valid() and form.cleaned_data["registration"] == registration:
                report_undo(request, registration, form.cleaned_data["reason"])
            else:
                messages.error(request, _("Say why the check-in is undone."))
        else:
            report_check_in(request, registration)
        return redirect(reverse("registrations:check_in", kwargs={"token": token}))
    return _private(
        render(
            request,
            "registrations/check_in.html",
            {
                **_desk_now(registration.event),
                **desk_person(request, registration),
                "event": registration.event,
                "token": token,
                "counts": status_counts(registration.event),
            },
        )
    )


@staff_page(CHECK_IN)
@require_safe
def check_in_count(request):
    """The live count, for the check-in pages to refresh themselves."""
    counts = status_counts(get_current_event(request))
    return JsonResponse(
        {"checked_in": counts.checked_in, "confirmed": counts.confirmed}
    )


def _attendees(event):
    """The confirmed attendees, as the sign-in sheet and check-in list show."""
    return (
        Registration.objects.for_event(event)
        .confirmed()
        .filter(anonymised_at__isnull=True)
        .by_last_name()
        .only(
            "form_of_address",
            "first_name",
            "last_name",
            "organisation",
            "country",
            "checked_in_at",
        )
    )


@staff_page("registrations.view_attendee_list")
@require_safe
def sign_in_sheet(request):
    event = get_current_event(request)
    now = _desk_now(event)
    attendees = list(_attendees(event)) if now["names_shown"].allowed else None
    return render(
        request,
        "registrations/desk/sign_in_sheet.html",
        {
            **now,
            "event": event,
            "attendees": attendees,
            "export": rules.decide(Action.EXPORT, event=event, phase=now["phase"]),
            "needs_cjk_font": needs_cjk_font(attendees or []),
        },
    )


@staff_page(("registrations.view_attendee_list", "registrations.export_registrations"))
@require_safe
def check_in_list(request, file_format):
    """The check-in list as a file (who arrived when), recorded as an export."""
    if file_format not in FORMATS:
        raise Http404
    event = get_current_event(request)
    export = rules.decide(Action.EXPORT, event=event)
    if not export.allowed:
        messages.error(request, export.message)
        return redirect("registrations:sign_in_sheet")
    table, log = export_check_in_list(attendees=_attendees(event), by=request.user)
    stamp = timezone.localtime(log.exported_at).strftime("%Y%m%d-%H%M")
    return table_response(
        table, file_format=file_format, filename=f"check-in-list-{stamp}"
    )


@staff_page("registrations.print_badges")
@require_http_methods(["GET", "HEAD", "POST"])
def badges(request):
    """GET: what will be printed; POST: the badges (new tokens each time)."""
    event = get_current_event(request)
    now = _desk_now(event)
    confirmed = (
        Registration.objects.for_event(event)
        .confirmed()
        .filter(anonymised_at__isnull=True)
    )
    if request.method == "POST" and now["names_shown"].allowed:
        badges = tickets.badges(confirmed)
        response = render(
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
    return render(
        request,
        "registrations/desk/badges_start.html",
        {**now, "event": event, "confirmed_count": confirmed.count()},
    )


# The CJK names of the print pages, in a web font cut for them
# (conference/fonts.py): the characters come from the confirmed attendees'
# names, never from the URL, which carries only their digest.


def needs_cjk_font(registrations) -> bool:
    return bool(cjk_characters(f"{r.first_name}{r.last_name}" for r in registrations))


def _printed_characters(event) -> str:
    return cjk_characters(
        f"{first}{last}"
        for first, last in Registration.objects.for_event(event)
        .confirmed()
        .filter(anonymised_at__isnull=True)
        .values_list("first_name", "last_name")
    )


def _print_staff(request) -> None:
    if not (
        request.user.has_perm("registrations.print_badges")
        or request.user.has_perm("registrations.view_attendee_list")
    ):
        raise PermissionDenied


@never_cache
@login_required
@require_safe
def desk_font_css(request):
    """The @font-face of the names' CJK characters, for badges and the sheet."""
    _print_staff(request)
    characters = _printed_characters(get_current_event(request))
    css = ""
    if characters:
        url = reverse(
            "registrations:desk_font",
            kwargs={"digest": characters_digest(characters)},
        )
        ranges = ", ".join(f"U+{ord(char):X}" for char in characters)
        # Declared for both weights the page uses, as the other faces are: a
        # browser picks the faces of one weight first, then the characters.
        css = "".join(
            '@font-face {\n  font-family: "Conference Noto";\n'
            f'  src: url("{url}") format("woff2");\n'
            f"  font-weight: {weight};\n"
            f"  unicode-range: {ranges};\n}}\n"
            for weight in (400, 700)
        )
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@login_required
@require_safe
def desk_font(request, digest):
    _print_staff(request)
    characters = _printed_characters(get_current_event(request))
    if not characters or characters_digest(characters) != digest:
        raise Http404
    font = cjk_web_font(characters)
    if font is None:
        raise Http404
    response = HttpResponse(font, content_type="font/woff2")
    response["Cache-Control"] = "private, max-age=86400"
    return response
