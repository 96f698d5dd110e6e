import datetime

import pytest

from tests.factories import EventFactory, RoomFactory, SessionFactory, at

EVENT_DAY = datetime.date(2027, 9, 20)


@pytest.fixture
def day_event(db):
    """The current event on a fixed day, 20 September 2027, 09:00–17:00."""
    return EventFactory(date=EVENT_DAY)


@pytest.fixture
def halls(day_event):
    return (
        RoomFactory(event=day_event, name_bg="Зала 1", name_en="Hall 1", order=1),
        RoomFactory(event=day_event, name_bg="Зала 2", name_en="Hall 2", order=2),
    )


@pytest.fixture
def opening(day_event, halls):
    return SessionFactory(
        event=day_event,
        title_bg="Откриване",
        title_en="Opening",
        room=halls[0],
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 10, 45),
    )
