"""The pages behind a secret link: a wrong or foreign link opens nothing,
nor does any link of an anonymised registration; what they show is never
stored; and a ticket's check-in link opens only for the desk."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from registrations.models import (
    Registration,
    RegistrationStatus,
    TokenPurpose,
)
from tests.factories import RegistrationFactory, UserFactory
from tests.registrations.conftest import make_token

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "registrations:manage",
        "registrations:confirm",
        "registrations:cancel",
        "registrations:data",
    ],
)
@pytest.mark.parametrize(
    "token", ["x" * 43, "short", "A" * 43 + "'", "%00", "../../etc/passwd"]
)
def test_wrong_token_gets_translated_404(client, event, language, name, token):
    RegistrationFactory(event=event)
    with translation.override(language):
        path = f"/{language}/registration/{token}/"
        if name != "registrations:manage":
            path += {
                "registrations:confirm": "confirm/",
                "registrations:cancel": "cancel/",
                "registrations:data": "my-data.json",
            }[name]

    response = client.get(path)

    assert response.status_code == 404
    heading = {"bg": "Страницата не е намерена", "en": "Page not found"}[language]
    assert heading in response.content.decode()


def test_check_in_token_does_not_open_manage_page(client, event):
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    check_in_token = make_token(registration, TokenPurpose.CHECK_IN)

    response = client.get(f"/en/registration/{check_in_token}/")

    assert response.status_code == 404


@pytest.mark.parametrize("language", ["bg", "en"])
def test_an_anonymised_registrations_links_open_nothing(client, event, language):
    """Anonymisation deletes the tokens; even a token left behind opens
    nothing once the registration is anonymised: the same “Page not found”
    as a link that never existed, which does not tell that it once worked."""
    registration = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, first_name="Мария"
    )
    manage = make_token(registration)
    check_in = make_token(registration, TokenPurpose.CHECK_IN)
    page = client.get(f"/{language}/registration/{manage}/").content.decode()
    assert "Мария" in page
    Registration.objects.filter(pk=registration.pk).update(anonymised_at=timezone.now())
    client.force_login(UserFactory(is_superuser=True))
    not_found = {"bg": "Страницата не е намерена", "en": "Page not found"}[language]

    for path in [
        f"registration/{manage}/",
        f"registration/{manage}/my-data.json",
        f"check-in/{check_in}/",
    ]:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 404, path
        assert "Мария" not in response.content.decode(), path
        assert not_found in response.content.decode(), path


class TestCheckIn:
    @pytest.fixture
    def event(self, on_the_day):
        return on_the_day

    @pytest.fixture
    def registration(self, event):
        return RegistrationFactory(
            event=event, status=RegistrationStatus.CONFIRMED, organisation="Animus"
        )

    @pytest.fixture
    def path(self, registration):
        return f"/en/check-in/{make_token(registration, TokenPurpose.CHECK_IN)}/"

    @pytest.fixture
    def desk(self):
        user = UserFactory()
        user.user_permissions.add(
            Permission.objects.get(codename="check_in_registration")
        )
        return user

    def test_anonymous_is_sent_to_login(self, client, path):
        response = client.get(path)

        assert response.status_code == 302
        assert "/admin/login/" in response.url

    def test_staff_without_permission_gets_403(self, client, path):
        client.force_login(UserFactory())

        assert client.get(path).status_code == 403
        assert client.post(path).status_code == 403

    def test_check_in_once_then_already_checked_in(
        self, client, path, desk, registration
    ):
        client.force_login(desk)

        page = client.get(path)
        assert registration.full_name in page.content.decode()
        assert "Animus" in page.content.decode()
        client.post(path)
        again = client.get(path)

        registration.refresh_from_db()
        assert registration.checked_in_at is not None
        local = timezone.localtime(registration.checked_in_at)
        assert f"Already checked in at {local:%H:%M}." in again.content.decode()
        assert "Check in</button>" not in again.content.decode()

    @pytest.mark.parametrize("status", ["waitlisted", "cancelled", "pending"])
    def test_refuses_registration_without_a_seat(self, client, desk, event, status):
        registration = RegistrationFactory(event=event, status=status)
        path = f"/bg/check-in/{make_token(registration, TokenPurpose.CHECK_IN)}/"
        client.force_login(desk)

        page = client.get(path)
        client.post(path)

        assert "Не допускайте" in page.content.decode()
        registration.refresh_from_db()
        assert registration.checked_in_at is None

    def test_manage_token_does_not_open_check_in(self, client, desk, registration):
        client.force_login(desk)

        assert (
            client.get(f"/en/check-in/{make_token(registration)}/").status_code == 404
        )


@pytest.mark.parametrize(
    ("route", "status"),
    [
        ("manage", RegistrationStatus.WAITLISTED),
        ("confirm", RegistrationStatus.PENDING),
        ("cancel", RegistrationStatus.WAITLISTED),
        ("leave_waiting_list", RegistrationStatus.WAITLISTED),
        ("data", RegistrationStatus.WAITLISTED),
    ],
)
def test_pages_behind_a_secret_link_are_never_stored(client, event, route, status):
    registration = RegistrationFactory(event=event, status=status)
    token = make_token(registration)

    response = client.get(
        reverse(f"registrations:{route}", kwargs={"token": token}),
        HTTP_ACCEPT_ENCODING="gzip",
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # Never compressed: the length would leak the secret in the page (BREACH).
    assert not response.has_header("Content-Encoding")
