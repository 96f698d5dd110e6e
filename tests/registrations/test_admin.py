import pytest

from registrations import services
from tests.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


@pytest.mark.parametrize("count", [1, 6])
def test_registration_list_query_count_does_not_grow(
    admin_client, event, count, django_assert_max_num_queries
):
    RegistrationFactory.create_batch(count, event=event)

    with django_assert_max_num_queries(12):
        response = admin_client.get("/en/admin/registrations/registration/")

    assert response.status_code == 200


def test_organisers_see_unsent_emails(admin_client, event):
    registration = RegistrationFactory(event=event, email="unsent@example.org")
    services.confirm_registration(registration=registration)  # queued, not sent

    response = admin_client.get("/en/admin/registrations/outgoingemail/?status=queued")

    assert "unsent@example.org" in response.content.decode()


def test_registration_admin_is_read_only(admin_client, event):
    registration = RegistrationFactory(event=event)

    response = admin_client.get(
        f"/en/admin/registrations/registration/{registration.pk}/change/"
    )

    assert response.status_code == 200
    assert 'name="email"' not in response.content.decode()
    assert (
        admin_client.get("/en/admin/registrations/registration/add/").status_code == 403
    )


def test_organisers_group_has_registration_permissions():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Organisers").permissions.values_list(
            "codename", flat=True
        )
    )

    assert {
        "view_registration",
        "view_outgoingemail",
        "check_in_registration",
    } <= codenames
