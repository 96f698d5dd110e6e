"""A new session from the day grid's dialog (POST grid/add/, JSON only: the
dialog exists only where the grid's script runs).

Answers 200 with the new session's block and form row to insert, 400 with
the errors by field (or a refusal: another session in the room), or 400 with
the warnings by field and their fingerprint, which the dialog sends back with
“Save despite these warnings” to create the session anyway.
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from conference.ids import is_valid_id
from conference.models import Event
from programme.agenda_grid.layout import GridSession, warnings_by_session
from programme.agenda_grid.views import PERMISSION, moved_message, session_state
from programme.forms import GridSessionForm
from programme.models import Room, Session
from programme.services import UnacceptedWarnings, create_session, session_token
from programme.warnings import WarningKind, agenda_warnings

# The dialog's field for each field of the model that may refuse a value.
MODEL_FIELDS = {
    "title": "title_bg",
    "title_bg": "title_bg",
    "title_en": "title_en",
    "starts_at": "start",
    "ends_at": "duration",
    "room": "room",
    "kind": "kind",
}
# The dialog's field beside which each kind of warning is shown.
WARNING_FIELDS = {
    WarningKind.OUTSIDE_HOURS: "start",
    WarningKind.LONGER_THAN_DAY: "duration",
    WarningKind.OVER_CAPACITY: "room",
    WarningKind.SPEAKER_OVERLAP: "speakers",
}


def refused(errors: dict[str, list[str]], message: str = "") -> JsonResponse:
    first = next((texts[0] for texts in errors.values() if texts), "")
    return JsonResponse(
        {"ok": False, "message": message or first, "errors": errors}, status=400
    )


def model_errors(error: ValidationError) -> tuple[dict[str, list[str]], str]:
    """The model's refusals by the dialog's fields, and the one that belongs
    to no field (another session in the room at that time)."""
    by_field: dict[str, list[str]] = {}
    general = ""
    for name, messages in error.message_dict.items():
        if name == NON_FIELD_ERRORS or name not in MODEL_FIELDS:
            general = " ".join([general, *messages]).strip()
            continue
        by_field.setdefault(MODEL_FIELDS[name], []).extend(messages)
    return by_field, general


def rendered(request, session: Session, rooms: list[Room]) -> dict:
    """The new session's block on the grid and its row in the forms below."""
    warnings = agenda_warnings(session.event)
    by_session = warnings_by_session(warnings)
    item = GridSession(
        session=session,
        token=session_token(session),
        warnings=by_session.get(session.pk, []),
    )
    context = {"item": item, "rooms": rooms, "move_url": ""}
    return {
        "block": render_to_string(
            "admin/programme/session/includes/_grid_session.html", context, request
        ),
        "row": render_to_string(
            "admin/programme/session/includes/_grid_form_row.html", context, request
        ),
        "agenda_warnings": [warning.message for warning in warnings],
        "warnings_by_session": by_session,
    }


@require_POST
def create_view(request, model_admin):
    if not request.user.has_perm(PERMISSION) or not request.user.has_perm(
        "programme.add_session"
    ):
        raise PermissionDenied
    event_id = request.POST.get("event", "")
    event = (
        Event.objects.filter(pk=event_id).first()
        if is_valid_id(Event._meta.pk, event_id)
        else None
    )
    if event is None:
        message = gettext("There is no such event: reload the page and try again.")
        return refused({"event": [message]})
    form = GridSessionForm(request.POST, event=event)
    if not form.is_valid():
        return refused(
            {name: [str(text) for text in texts] for name, texts in form.errors.items()}
        )
    data = form.cleaned_data
    try:
        session = create_session(
            event=event,
            title_bg=data["title_bg"],
            title_en=data["title_en"],
            kind=data["kind"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            room=data["room"],
            in_every_room=data["in_every_room"],
            speakers=data["speakers"],
            accepted_warnings=data["warnings_seen"]
            if data["save_despite_warnings"]
            else "",
        )
    except ValidationError as error:
        by_field, general = model_errors(error)
        return refused(by_field, general)
    except UnacceptedWarnings as unaccepted:
        by_field: dict[str, list[str]] = {}
        for warning in unaccepted.warnings:
            name = WARNING_FIELDS.get(warning.kind, "title_bg")
            by_field.setdefault(name, []).append(warning.message)
        return JsonResponse(
            {
                "ok": False,
                "message": gettext(
                    "Please check the warnings. To create the session anyway, "
                    "choose “Save despite these warnings”."
                ),
                "warnings": by_field,
                "warnings_seen": unaccepted.fingerprint,
            },
            status=400,
        )
    session = Session.objects.with_speakers().get(pk=session.pk)
    rooms = list(Room.objects.for_event(event))
    return JsonResponse(
        {
            "ok": True,
            "message": moved_message(session),
            "session": session_state(session),
            **rendered(request, session, rooms),
        }
    )
