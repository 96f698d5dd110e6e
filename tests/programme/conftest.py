import datetime

import pytest
from django.contrib.auth.models import Group

from conference.roles import ORGANISERS
from tests.factories import EventFactory, UserFactory

EVENT_DAY = datetime.date(2027, 9, 20)


@pytest.fixture
def organiser(db):
    """A staff member of the Organisers group, not a superuser."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


@pytest.fixture
def day_event(db):
    """The current event on a fixed day, 20 September 2027, 09:00–17:00."""
    return EventFactory(date=EVENT_DAY)
