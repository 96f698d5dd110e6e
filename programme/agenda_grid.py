"""The day grid in the admin: rooms as columns, time as rows, sessions as blocks.

Two views hang off the sessions' admin (SessionAdmin.get_urls): the grid page
and the endpoint a move or a resize is posted to. The endpoint answers JSON to
the grid's script (static/js/agenda-grid.js) and redirects back to the grid
with a message when the plain form below the grid posts to it (no script).
Every change goes through programme.services.reschedule_session.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from conference.ids import is_valid_id
from conference.locks import LockTimeout
from conference.models import Event
from programme.forms import GRID_STEP_MINUTES, RescheduleForm
from programme.models import Room, Session
from programme.services import SessionChanged, reschedule_session, session_token
from programme.warnings import agenda_warnings, session_warnings

STEP_MINUTES = GRID_STEP_MINUTES
# The grid shows the event's hours with an hour either side (and any session
# outside them), so a session can be moved a little before or after the day.
MARGIN_MINUTES = 60
LAST_MINUTE = 24 * 60 - STEP_MINUTES
PERMISSION = "programme.change_session"


def minutes_of(moment: datetime.datetime) -> int:
    local = timezone.localtime(moment)
    return local.hour * 60 + local.minute


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass
class GridSession:
    session: Session
    token: str
    warnings: list[str]

    @property
    def start(self) -> int:
        return minutes_of(self.session.starts_at)

    @property
    def end(self) -> int:
        return minutes_of(self.session.ends_at)

    @property
    def time_label(self) -> str:
        return f"{clock(self.start)}–{clock(self.end)}"

    @property
    def speakers(self) -> str:
        return ", ".join(
            row.speaker.name for row in self.session.session_speakers.all()
        )


@dataclass
class GridColumn:
    room: Room | None
    sessions: list[GridSession] = field(default_factory=list)


@dataclass
class Grid:
    event: Event
    columns: list[GridColumn]
    unscheduled: GridColumn
    first_minute: int
    last_minute: int
    warnings: list[str]

    @property
    def rows(self) -> int:
        return (self.last_minute - self.first_minute) // STEP_MINUTES

    @property
    def times(self) -> list[tuple[int, str]]:
        """A label every half hour, as (minute of the day, "HH:MM")."""
        return [
            (minute, clock(minute))
            for minute in range(self.first_minute, self.last_minute, 30)
        ]

    @property
    def sessions(self) -> list[GridSession]:
        every = [item for column in self.columns for item in column.sessions]
        every += self.unscheduled.sessions
        return sorted(every, key=lambda item: (item.start, item.session.order))


def warnings_by_session(warnings) -> dict[int, list[str]]:
    by_session: dict[int, list[str]] = {}
    for warning in warnings:
        for session_id in warning.session_ids:
            by_session.setdefault(session_id, []).append(warning.message)
    return by_session


def build_grid(event: Event) -> Grid:
    rooms = list(Room.objects.for_event(event))
    sessions = list(Session.objects.for_event(event).select_related("room"))
    warnings = agenda_warnings(event)
    by_session = warnings_by_session(warnings)
    columns = {room.pk: GridColumn(room=room) for room in rooms}
    unscheduled = GridColumn(room=None)
    for session in sessions:
        item = GridSession(
            session=session,
            token=session_token(session),
            warnings=by_session.get(session.pk, []),
        )
        columns.get(session.room_id, unscheduled).sessions.append(item)
    starts = [event.start_time.hour * 60 + event.start_time.minute - MARGIN_MINUTES]
    ends = [event.end_time.hour * 60 + event.end_time.minute + MARGIN_MINUTES]
    for column in columns.values():
        starts += [item.start for item in column.sessions]
        ends += [item.end for item in column.sessions if item.end > item.start]
    first = max(0, min(starts) // 30 * 30)
    last = min(LAST_MINUTE, -(-max(ends) // 30) * 30)
    return Grid(
        event=event,
        columns=list(columns.values()),
        unscheduled=unscheduled,
        first_minute=first,
        last_minute=max(last, first + 30),
        warnings=[warning.message for warning in warnings],
    )


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
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Day grid"),
        "opts": model_admin.model._meta,
        "event": event,
        "events": Event.objects.all() if event else [],
        "grid": build_grid(event) if event else None,
        "step": STEP_MINUTES,
        "move_url": reverse("admin:programme_session_grid_move"),
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
        "room": session.room_id,
        "room_name": session.room.name if session.room else "",
        "token": session_token(session),
        "warnings": session_warnings(session),
    }


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def answer(request, *, status: int, message: str, session=None, event=None):
    """JSON for the grid's script; a message and a redirect for the plain form."""
    if wants_json(request):
        body = {"ok": status == 200, "message": message}
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
    if session.room is None:
        return (
            gettext(
                "Someone else changed “%(title)s” meanwhile: it is now at "
                "%(start)s–%(end)s, without a room. Your change was not saved; move "
                "the session again if it is still needed."
            )
            % values
        )
    return gettext(
        "Someone else changed “%(title)s” meanwhile: it is now at "
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
