"""Breaks and lunches waiting without a room become sessions in every room,
unless something already overlaps them (migration 0009)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import EventFactory

BEFORE = ("programme", "0012_session_in_every_room")
AFTER = ("programme", "0013_breaks_in_every_room")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_breaks_without_a_room_move_into_every_room_unless_overlapped():
    event = EventFactory()
    start = datetime.datetime(2027, 9, 20, 7, tzinfo=datetime.UTC)

    def at(hour, minute=0):
        return start + datetime.timedelta(hours=hour, minutes=minute)

    try:
        old = migrate(BEFORE)
        Session = old.get_model("programme", "Session")
        Room = old.get_model("programme", "Room")
        hall = Room.objects.create(event_id=event.pk, name="Зала 1", name_bg="Зала 1")
        rows = [
            ("coffee", "break", None, at(1), at(1, 30)),
            ("lunch", "lunch", None, at(3), at(4)),
            ("late-coffee", "break", None, at(6), at(6, 30)),
            ("panel", "panel", hall.pk, at(6, 15), at(7)),
            ("registration", "registration", None, at(0), at(0, 30)),
        ]
        for slug, kind, room_id, starts_at, ends_at in rows:
            Session.objects.create(
                event_id=event.pk,
                slug=slug,
                title=slug,
                title_bg=slug,
                kind=kind,
                room_id=room_id,
                starts_at=starts_at,
                ends_at=ends_at,
            )

        new = migrate(AFTER)
        Session = new.get_model("programme", "Session")
        every_room = set(
            Session.objects.filter(in_every_room=True).values_list("slug", flat=True)
        )
        assert every_room == {"coffee", "lunch"}

        Session = migrate(BEFORE).get_model("programme", "Session")
        assert not Session.objects.filter(in_every_room=True).exists()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(list(executor.loader.graph.leaf_nodes()))
