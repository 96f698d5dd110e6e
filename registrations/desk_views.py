"""Staff pages of the registration desk: check-in by name, the live count,
printable badges and the sign-in sheet.

Every page needs a signed-in staff member with its permission (anonymous →
login, others → 403), is never cached, and is small: no scripts but one tiny
static file for the live count.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from conference.fonts import characters_digest, cjk_characters, cjk_web_font
from conference.selectors import get_current_event
from conference.spreadsheets import FORMATS, table_response
from registrations import exceptions, services, tickets
from registrations.exports import export_check_in_list
from registrations.forms import CheckInSearchForm, DeskCheckInForm
from registrations.models import Registration, RegistrationStatus
from registrations.selectors import status_counts

SEARCH_RESULTS = 30
CHECK_IN = "registrations.check_in_registration"


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


def report_check_in(request, registration: Registration) -> None:
    """Check in, and say in a message what happened."""
    name = registration.full_name
    try:
        services.check_in_registration(registration=registration, by=request.user)
    except exceptions.AlreadyCheckedIn as already:
        time = time_format(timezone.localtime(already.checked_in_at), "H:i")
        messages.warning(
            request,
            _("%(name)s was already checked in at %(time)s.")
            % {"name": name, "time": time},
        )
    except exceptions.CheckInRefused as refused:
        messages.error(
            request,
            _("Do not admit %(name)s: the registration is “%(status)s”.")
            % {"name": name, "status": RegistrationStatus(refused.status).label},
        )
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": name})


@staff_page(CHECK_IN)
@require_http_methods(["GET", "HEAD", "POST"])
def check_in_search(request):
    event = get_current_event(request)
    if request.method == "POST":
        form = DeskCheckInForm(request.POST)
        if form.is_valid():
            report_check_in(request, form.cleaned_data["registration"])
        return redirect(_search_url(request.POST.get("q", "")[:100]))
    search = CheckInSearchForm(request.GET or None)
    results = None
    if search.is_valid():
        results = list(
            Registration.objects.for_event(event)
            .exclude(status=RegistrationStatus.EXPIRED)
            .filter(anonymised_at__isnull=True)
            .search(search.cleaned_data["q"])
            .by_last_name()[:SEARCH_RESULTS]
        )
    return render(
        request,
        "registrations/desk/check_in_search.html",
        {
            "event": event,
            "form": search,
            "query": search.cleaned_data.get("q", "") if search.is_bound else "",
            "results": results,
            "result_limit": SEARCH_RESULTS,
            "counts": status_counts(event),
        },
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
    attendees = list(_attendees(event))
    return render(
        request,
        "registrations/desk/sign_in_sheet.html",
        {
            "event": event,
            "attendees": attendees,
            "needs_cjk_font": needs_cjk_font(attendees),
        },
    )


@staff_page(("registrations.view_attendee_list", "registrations.export_registrations"))
@require_safe
def check_in_list(request, file_format):
    """The check-in list as a file (who arrived when), recorded as an export."""
    if file_format not in FORMATS:
        raise Http404
    table, log = export_check_in_list(
        attendees=_attendees(get_current_event(request)), by=request.user
    )
    stamp = timezone.localtime(log.exported_at).strftime("%Y%m%d-%H%M")
    return table_response(
        table, file_format=file_format, filename=f"check-in-list-{stamp}"
    )


@staff_page("registrations.print_badges")
@require_http_methods(["GET", "HEAD", "POST"])
def badges(request):
    """GET: what will be printed; POST: the badges (new tokens each time)."""
    event = get_current_event(request)
    confirmed = (
        Registration.objects.for_event(event)
        .confirmed()
        .filter(anonymised_at__isnull=True)
    )
    if request.method == "POST":
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
        {"event": event, "confirmed_count": confirmed.count()},
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
