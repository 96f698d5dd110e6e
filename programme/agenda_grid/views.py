"""The day grid's page and its moves.

The move endpoint answers JSON to the grid's script
(static/js/agenda-grid-save.js) and redirects back to the grid with a
message when the plain form below the grid posts to it (no script). Every
move goes through
programme.services.reschedule_session; a new session comes through
programme.agenda_grid.create (services.create_session).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from conference.ids import is_valid_id
from conference.locks import LockTimeout
from conference.models import Event
from programme.agenda_grid.layout import (
    STEP_MINUTES,
    build_grid,
    clock,
    minutes_of,
    warnings_by_session,
)
from programme.forms import GridSessionForm, RescheduleForm
from programme.models import Session
from programme.services import SessionChanged, reschedule_session, session_token
from programme.warnings import agenda_warnings, session_warnings

PERMISSION = "programme.change_session"


def chosen_event(request) -> Event | None:
    events = Event.objects.all()
    event_id = request.GET.get("event", "")
    if is_valid_id(Event._meta.pk, event_id):
        chosen = events.filter(pk=event_id).first()
        if chosen is not None:
            return chosen
    return Event.objects.current() or events.first()


def grid_view(request, model_admin):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    event = chosen_event(request)
    grid = build_grid(event) if event else None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Day grid"),
        "opts": model_admin.model._meta,
        "event": event,
        "events": Event.objects.all() if event else [],
        "grid": grid,
        "rooms": [column.room for column in grid.columns] if grid else [],
        "new_session_form": GridSessionForm(event=event) if event else None,
        "step": STEP_MINUTES,
        "move_url": reverse("admin:programme_session_grid_move"),
        "create_url": reverse("admin:programme_session_grid_create"),
        "autocomplete_url": reverse("admin:autocomplete"),
        "changelist_url": reverse("admin:programme_session_changelist"),
    }
    return TemplateResponse(request, "admin/programme/session/grid.html", context)


def session_state(session: Session) -> dict:
    """The session as the grid draws it, with its warnings."""
    start, end = minutes_of(session.starts_at), minutes_of(session.ends_at)
    return {
        "id": session.pk,
        "start": start,
        "end": end,
        "time_label": f"{clock(start)}–{clock(end)}",
        "room": "all" if session.in_every_room else session.room_id,
        "room_name": session.room.name if session.room else "",
        "token": session_token(session),
        "warnings": session_warnings(session),
    }


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def answer(request, *, status: int, message: str, session=None, event=None, extra=None):
    """JSON for the grid's script; a message and a redirect for the plain form."""
    if wants_json(request):
        body = {"ok": status == 200, "message": message, **(extra or {})}
        if session is not None:
            body["session"] = session_state(session)
            body["warnings"] = body["session"]["warnings"]
            # A move can settle or cause warnings of other sessions too.
            warnings = agenda_warnings(session.event)
            body["agenda_warnings"] = [warning.message for warning in warnings]
            body["warnings_by_session"] = warnings_by_session(warnings)
        return JsonResponse(body, status=status)
    level = messages.SUCCESS if status == 200 else messages.ERROR
    messages.add_message(request, level, message)
    if status == 200 and session is not None:
        for warning in session_state(session)["warnings"]:
            messages.warning(request, warning)
    url = reverse("admin:programme_session_grid")
    if event is not None:
        url += f"?event={event.pk}"
    return HttpResponseRedirect(url)


def moved_message(session: Session) -> str:
    values = {
        "title": session.title,
        "start": clock(minutes_of(session.starts_at)),
        "end": clock(minutes_of(session.ends_at)),
    }
    if session.in_every_room:
        return gettext("Saved: “%(title)s”, %(start)s–%(end)s, in every room.") % values
    if session.room is None:
        return (
            gettext("Saved: “%(title)s”, %(start)s–%(end)s, without a room.") % values
        )
    return gettext("Saved: “%(title)s”, %(start)s–%(end)s, %(room)s.") % {
        **values,
        "room": session.room.name,
    }


def changed_message(session: Session) -> str:
    """Another organiser's change came first: say where the session is now."""
    values = {
        "title": session.title,
        "start": clock(minutes_of(session.starts_at)),
        "end": clock(minutes_of(session.ends_at)),
    }
    if session.in_every_room:
        return (
            gettext(
                "Someone else changed “%(title)s” in the meantime: it is now at "
                "%(start)s–%(end)s, in every room. Your change was not saved; move "
                "the session again if it is still needed."
            )
            % values
        )
    if session.room is None:
        return (
            gettext(
                "Someone else changed “%(title)s” in the meantime: it is now at "
                "%(start)s–%(end)s, without a room. Your change was not saved; move "
                "the session again if it is still needed."
            )
            % values
        )
    return gettext(
        "Someone else changed “%(title)s” in the meantime: it is now at "
        "%(start)s–%(end)s, %(room)s. Your change was not saved; move the "
        "session again if it is still needed."
    ) % {**values, "room": session.room.name}


@require_POST
def move_view(request, model_admin):
    if not request.user.has_perm(PERMISSION):
        if wants_json(request):
            return JsonResponse(
                {
                    "ok": False,
                    "message": gettext("You may not change the agenda."),
                },
                status=403,
            )
        raise PermissionDenied
    form = RescheduleForm(request.POST)
    if not form.is_valid():
        session = form.cleaned_data.get("session")
        return answer(
            request,
            status=400,
            message=form.first_error(),
            session=session,
            event=session.event if session else None,
        )
    data = form.cleaned_data
    session = data["session"]
    try:
        session = reschedule_session(
            session=session,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            room=data["room"],
            expected_token=data["token"],
        )
    except SessionChanged as changed:
        return answer(
            request,
            status=409,
            message=changed_message(changed.session),
            session=changed.session,
            event=changed.session.event,
        )
    except LockTimeout as busy:
        return answer(request, status=503, message=str(busy), event=session.event)
    except ValidationError as error:
        current = Session.objects.select_related("event", "room").get(pk=session.pk)
        return answer(
            request,
            status=400,
            message=" ".join(error.messages),
            session=current,
            event=current.event,
        )
    return answer(
        request,
        status=200,
        message=moved_message(session),
        session=session,
        event=session.event,
    )
