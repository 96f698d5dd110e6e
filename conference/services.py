"""Changes of the event itself that are more than saving its form."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from conference.locks import lock_event
from conference.models import Event
from conference.signals import event_moved

# The fields calendar apps show: changing one raises the event's
# calendar_sequence, so an imported entry is replaced, not kept.
CALENDAR_FIELDS = frozenset({"date", "start_time", "end_time", "times_are_provisional"})


@dataclass
class EventSaved:
    event: Event
    previous_date: datetime.date | None = None
    # What the apps that moved along with the event report (translated).
    reports: list[str] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        return self.previous_date is not None


def save_event(*, event: Event, changed_fields, by=None) -> EventSaved:
    """Save an edited event (the admin's form): a change of its date or hours
    raises its calendar revision, and a new date moves everything tied to the
    old one (move_event), all in one transaction."""
    changed = set(changed_fields)
    if event.pk is None or "date" not in changed:
        with transaction.atomic():
            if event.pk is not None and changed & CALENDAR_FIELDS:
                current = lock_event(event.pk)
                event.calendar_sequence = current.calendar_sequence + 1
            event.save()
        return EventSaved(event=event)
    new_date = event.date
    with transaction.atomic():
        event.date = Event.objects.get(pk=event.pk).date
        event.save()
        saved = move_event(event=event, date=new_date, by=by)
        saved.event = event
    return saved


def move_event(*, event: Event, date: datetime.date, by=None) -> EventSaved:
    """Give the event a new date; the sessions and the published agenda move
    with it (the `event_moved` receivers, in this same transaction), and the
    calendar revision rises so calendar apps replace the old entry."""
    with transaction.atomic():
        locked = lock_event(event.pk)
        previous = locked.date
        if previous == date:
            return EventSaved(event=locked)
        locked.date = date
        locked.calendar_sequence += 1
        locked.save(update_fields=["date", "calendar_sequence"])
        event.date, event.calendar_sequence = date, locked.calendar_sequence
        responses = event_moved.send(
            sender=None, event=locked, previous_date=previous, by=by
        )
    return EventSaved(
        event=locked,
        previous_date=previous,
        reports=[str(answer) for _receiver, answer in responses if answer],
    )
