"""Rooms from the sessions' free-text rooms.

Names that differ only in capitals (Cyrillic too), spacing or a “№”/“No.”
before the number are one room: "зала 2", "Зала 2", "Зала №2" and " Зала  2 "
become one record, named as the first session (in time order) wrote it.
The Bulgarian and the English name are grouped together: a session's room is
the room whose Bulgarian or English name matches either of its own.
"""

import re

from django.db import migrations

# A copy of programme.models.rooms.room_key as it was when this was written.
NUMBER_SIGN = re.compile(r"(?:№|\bno\.?)\s*(?=\d)", re.IGNORECASE)


def room_key(name):
    name = NUMBER_SIGN.sub(" ", name or "")
    return " ".join(name.casefold().split())


def tidy(name):
    return " ".join((name or "").split())


def rooms_from_free_text(apps, schema_editor):
    Session = apps.get_model("programme", "Session")
    Room = apps.get_model("programme", "Room")
    rooms = {}  # (event id, "bg" or "en", key) -> Room
    orders = {}
    sessions = Session.objects.order_by("event_id", "starts_at", "order", "pk")
    for session in sessions:
        name_bg = tidy(session.room_bg) or tidy(session.room)
        name_en = tidy(session.room_en)
        keys = [("bg", room_key(name_bg)), ("en", room_key(name_en))]
        keys = [(language, key) for language, key in keys if key]
        if not keys:
            continue
        room = next(
            (
                rooms[(session.event_id, language, key)]
                for language, key in keys
                if (session.event_id, language, key) in rooms
            ),
            None,
        )
        if room is None:
            orders[session.event_id] = orders.get(session.event_id, 0) + 1
            room = Room.objects.create(
                event_id=session.event_id,
                name=name_bg or name_en,
                name_bg=name_bg or name_en,
                name_en=name_en,
                order=orders[session.event_id],
            )
        elif name_en and not room.name_en:
            room.name_en = name_en
            room.save(update_fields=["name_en"])
        for language, key in keys:
            rooms.setdefault((session.event_id, language, key), room)
        session.room_record = room
        session.save(update_fields=["room_record"])


def free_text_from_rooms(apps, schema_editor):
    Session = apps.get_model("programme", "Session")
    for session in Session.objects.exclude(room_record=None).select_related(
        "room_record"
    ):
        room = session.room_record
        session.room = room.name_bg or room.name_en or ""
        session.room_bg = room.name_bg or ""
        session.room_en = room.name_en or ""
        session.save(update_fields=["room", "room_bg", "room_en"])


class Migration(migrations.Migration):
    dependencies = [("programme", "0004_rooms")]

    operations = [migrations.RunPython(rooms_from_free_text, free_text_from_rooms)]
