import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from registrations.models import Registration, RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_expire_registrations_command(event):
    stale = RegistrationFactory(event=event)
    Registration.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=48, minutes=1)
    )
    out = io.StringIO()

    call_command("expire_registrations", stdout=out)

    assert Registration.objects.get().status == RegistrationStatus.EXPIRED
    assert "Expired 1 registration(s)" in out.getvalue()


def test_anonymise_registrations_command(settings):
    settings.REGISTRATION_RETENTION_DAYS = 1
    event = EventFactory(date=timezone.localdate() - datetime.timedelta(days=5))
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    out = io.StringIO()

    call_command("anonymise_registrations", stdout=out)

    registration = Registration.objects.get()
    assert registration.anonymised_at is not None
    assert registration.email == ""
    assert Registration.objects.confirmed().count() == 1
    assert "Anonymised 1 registration(s)" in out.getvalue()
