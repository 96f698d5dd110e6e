import datetime

import pytest

from tests.factories import EventFactory

EVENT_DAY = datetime.date(2027, 9, 20)


@pytest.fixture
def day_event(db):
    """The current event on a fixed day, 20 September 2027, 09:00–17:00."""
    return EventFactory(date=EVENT_DAY)
