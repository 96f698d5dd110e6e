import pytest

from tests.unreachable_database import get_without_database


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_is_unreachable():
    status, body = get_without_database("/healthz")

    assert status == 503
    assert body.strip() == "database unavailable"
