"""How the tests reach the day grid: its page, and its endpoint as the
grid's script posts to it."""

from django.utils import timezone

from programme.services import session_token

JSON = {"HTTP_ACCEPT": "application/json"}


def move_url(language="en"):
    return f"/{language}/admin/programme/session/grid/move/"


def grid_url(language="en"):
    return f"/{language}/admin/programme/session/grid/"


def post_move(client, session, language="en", /, **fields):
    """Post a change as the grid's script does; `fields` replace the defaults
    (the session where it is), None leaves a field out."""
    data = {
        "session": session.pk,
        "start": "10:00",
        "end": "10:45",
        "room": session.room_id or "",
        "token": session_token(session),
    }
    data.update(fields)
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(move_url(language), data, **JSON)


def local(moment):
    return timezone.localtime(moment).strftime("%H:%M")
