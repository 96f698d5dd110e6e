"""Coffee breaks and lunches that wait without a room take place in every room.

Before sessions could be in every room, breaks sat under "Without a room" on
the day grid, and a session placed over them went unnoticed. A break or a
lunch without a room becomes a session in every room, unless a session in a
room (or another break) already overlaps it: that one is left for the
organisers to settle, so no existing agenda starts out refused.
"""

from django.db import migrations

BREAK_KINDS = ["break", "lunch"]


def breaks_in_every_room(apps, schema_editor):
    Session = apps.get_model("programme", "Session")
    breaks = Session.objects.filter(kind__in=BREAK_KINDS, room__isnull=True)
    for session in breaks.order_by("event_id", "starts_at", "pk"):
        overlapping = Session.objects.filter(
            event_id=session.event_id,
            starts_at__lt=session.ends_at,
            ends_at__gt=session.starts_at,
        ).exclude(pk=session.pk)
        if overlapping.filter(room__isnull=False).exists():
            continue
        if overlapping.filter(in_every_room=True).exists():
            continue
        session.in_every_room = True
        session.save(update_fields=["in_every_room"])


def breaks_back_without_a_room(apps, schema_editor):
    Session = apps.get_model("programme", "Session")
    Session.objects.filter(kind__in=BREAK_KINDS).update(in_every_room=False)


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0012_session_in_every_room"),
    ]

    operations = [
        migrations.RunPython(breaks_in_every_room, breaks_back_without_a_room),
    ]
