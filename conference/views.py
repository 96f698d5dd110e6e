from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from conference.calendar import event_calendar
from conference.page_cache import cache_public_page
from conference.selectors import get_current_event, partners_by_role
from conference.structured_data import event_data, ld_json_script


@require_safe
@cache_public_page
def home(request):
    event = get_current_event()
    phase = event.phase()
    return render(
        request,
        "conference/home.html",
        {
            "event": event,
            "phase": phase,
            "event_is_over": phase.has_taken_place,
            "registration_state": phase.registration,
            "registration_open": phase.registration_open,
            "partner_groups": partners_by_role(),
            "structured_data": ld_json_script(
                event_data(
                    event,
                    url=request.build_absolute_uri(reverse("conference:home")),
                    language=translation.get_language(),
                )
            ),
        },
    )


@require_safe
@cache_public_page
def about(request):
    event = get_current_event()
    return render(
        request,
        "conference/about.html",
        {"event": event, "partner_groups": partners_by_role()},
    )


@require_safe
@cache_public_page
def venue(request):
    event = get_current_event()
    return render(
        request,
        "conference/venue.html",
        {"event": event, "event_is_over": event.has_taken_place()},
    )


@require_safe
@cache_public_page
def event_ics(request):
    """The whole conference as a calendar file, in the page's language."""
    event = get_current_event()
    body = event_calendar(
        event, url=request.build_absolute_uri(reverse("conference:home"))
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@require_safe
def robots_txt(request):
    """Crawlers may read every public page; the admin is not for them."""
    lines = [
        "User-agent: *",
        *(f"Disallow: /{code}/admin/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
@require_safe
def healthz(request):
    """Liveness for the load balancer: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


def benchmark_trivial(request):
    return HttpResponse(b"ok", content_type="text/plain")


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
