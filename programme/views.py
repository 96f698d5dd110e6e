from django.contrib.admin.views.decorators import staff_member_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from conference.page_cache import cache_public_page
from conference.selectors import get_current_event
from conference.structured_data import ld_json_script
from programme import selectors
from programme.agenda_fragments import agenda_day
from programme.calendars import agenda_calendar, session_calendar
from programme.schedule import build_schedule
from programme.structured_data import session_data


def calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def render_agenda(request, event, *, draft: bool):
    version = None if draft else selectors.published_version(event)
    published = draft or version is not None
    phase = event.phase()
    # The timetable alone says which sessions are on now and next; the day's
    # HTML comes from the fragment cache, so a page the page cache cannot keep
    # stays cheap however many sessions there are.
    day = (
        agenda_day(
            selectors.agenda_timetable(event, version=version),
            event=event,
            version=version,
            now=timezone.now(),
            event_is_over=phase.has_taken_place,
        )
        if published
        else ""
    )
    return render(
        request,
        "programme/agenda.html",
        {
            "event": event,
            "day": day,
            "is_preview": draft,
            "version": version,
            "times_published": published,
            "opening_sessions": []
            if published
            else selectors.agenda_sessions(event, version=None),
            "phase": phase,
            "event_is_over": phase.has_taken_place,
        },
    )


@require_safe
@cache_public_page
def agenda(request):
    return render_agenda(request, get_current_event(request), draft=False)


@require_safe
@never_cache
@staff_member_required
def agenda_preview(request):
    """The draft as the public will see it once published (staff only)."""
    return render_agenda(request, get_current_event(request), draft=True)


@require_safe
@cache_public_page
def session_detail(request, slug):
    event = get_current_event(request)
    session = selectors.get_session(event, slug)
    now = timezone.now()
    times_published = selectors.published_version(event) is not None
    status = selectors.session_statuses([session], event=event, now=now)
    structured = session_data(
        session,
        event=event,
        url=request.build_absolute_uri(session.get_absolute_url()),
        event_url=request.build_absolute_uri(reverse("conference:home")),
        language=translation.get_language(),
        person_url=lambda speaker: request.build_absolute_uri(
            speaker.get_absolute_url()
        ),
    )
    return render(
        request,
        "programme/session_detail.html",
        {
            "event": event,
            "session": session,
            "is_current": bool(status.get(session.pk)),
            "times_published": times_published,
            "event_is_over": event.has_taken_place(),
            # No times in search engines before they are published.
            "structured_data": ld_json_script(structured) if times_published else "",
        },
    )


@require_safe
@cache_public_page
def session_ics(request, slug):
    event = get_current_event(request)
    session = selectors.get_session(event, slug)
    if selectors.published_version(event) is None:
        raise Http404("No time has been published for the session yet")
    body = session_calendar(
        session, url=request.build_absolute_uri(session.get_absolute_url())
    )
    return calendar_response(body, f"{session.slug}.ics")


@require_safe
@cache_public_page
def agenda_ics(request):
    event = get_current_event(request)
    body = agenda_calendar(
        event,
        selectors.timed_sessions(event),
        url_for=lambda session: request.build_absolute_uri(session.get_absolute_url()),
    )
    return calendar_response(body, f"{event.slug}-agenda.ics")


@require_safe
@cache_public_page
def schedule_json(request):
    event = get_current_event(request)
    document = build_schedule(
        event,
        selectors.timed_sessions(event),
        absolute=request.build_absolute_uri,
        language=translation.get_language(),
    )
    response = JsonResponse(
        document,
        encoder=DjangoJSONEncoder,
        # Compact: indentation nearly tripled the bytes of the same data.
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@cache_public_page
def speaker_list(request):
    event = get_current_event(request)
    return render(
        request,
        "programme/speaker_list.html",
        {"event": event, "speakers": selectors.event_speakers(event)},
    )


@require_safe
@cache_public_page
def speaker_detail(request, slug):
    event = get_current_event(request)
    speaker = selectors.get_speaker(event, slug)
    version = selectors.published_version(event)
    return render(
        request,
        "programme/speaker_detail.html",
        {
            "event": event,
            "speaker": speaker,
            "appearances": selectors.speaker_sessions(speaker, version),
            "times_published": version is not None,
        },
    )


@require_safe
@cache_public_page
def result_list(request):
    event = get_current_event(request)
    groups = selectors.results_by_category()
    return render(
        request,
        "programme/result_list.html",
        {
            "event": event,
            "result_groups": groups,
            "key_figures": [
                result
                for _label, results in groups
                for result in results
                if result.has_key_figure
            ],
        },
    )


@require_safe
@cache_public_page
def result_detail(request, slug):
    event = get_current_event(request)
    result = selectors.get_result(slug)
    return render(
        request,
        "programme/result_detail.html",
        {"event": event, "result": result},
    )
