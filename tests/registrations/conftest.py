import contextlib
import datetime

import pytest
from django.contrib import admin as django_admin
from django.test import RequestFactory

from conference.models import Event
from registrations.models import TokenPurpose, new_token
from registrations.outbox import send_queued_emails
from tests.factories import RegistrationTokenFactory


def make_token(registration, purpose=TokenPurpose.MANAGE) -> str:
    """A fresh secret link token for `registration`, as an e-mail would carry."""
    token = new_token()
    RegistrationTokenFactory(registration=registration, purpose=purpose, token=token)
    return token


@pytest.fixture
def then_mail_worker():
    """At the end of each block, one run of the mail worker, as in production."""

    @contextlib.contextmanager
    def block():
        yield
        send_queued_emails()

    return block


CHANGELIST = "/{language}/admin/registrations/registration/"


def run_action(client, action, registrations, *, language="en", **extra):
    """Choose the action on the list, then confirm it on its page."""
    url = CHANGELIST.format(language=language)
    selected = [registration.pk for registration in registrations]
    page = client.post(
        url, {"action": action, "_selected_action": selected, "index": 0}
    )
    done = client.post(
        url,
        {"action": action, "_selected_action": selected, "confirmed": "yes", **extra},
        follow=True,
    )
    return page, done


def event_form_data(event, user):
    """What the event's change form would post, unchanged."""
    request = RequestFactory().get("/")
    request.user = user
    model_admin = django_admin.site._registry[Event]
    form = model_admin.get_form(request, event)(instance=event)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, datetime.datetime):
            data[f"{name}_0"] = value.date().isoformat()
            data[f"{name}_1"] = value.time().isoformat()
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    return data
