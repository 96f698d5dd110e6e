import datetime
import json

import pytest
from django.utils import timezone

from registrations.models import OutgoingEmail
from tests.factories import OutgoingEmailFactory
from tests.unreachable_database import get_without_database


@pytest.mark.django_db
def test_healthz_reports_each_dependency(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "outbox_waiting": 0,
        "outbox_oldest_seconds": 0,
    }


@pytest.mark.django_db
def test_healthz_says_degraded_but_200_when_emails_wait_long(client):
    email = OutgoingEmailFactory()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=2)
    )

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["outbox_waiting"] == 1
    assert response.json()["outbox_oldest_seconds"] >= 7200


def test_healthz_answers_503_when_the_database_is_unreachable():
    status, body = get_without_database("/healthz")

    assert status == 503
    assert json.loads(body)["database"] == "unavailable"
