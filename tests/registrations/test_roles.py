"""Who may open which registration page: every staff URL, for every role.

Anonymous visitors are sent to the login page, staff without the permission
get 403, and each role reaches exactly what its job needs.
"""

import pytest
from django.contrib.auth.models import Group, Permission

from conference.roles import ORGANISERS, REGISTRATION_DESK
from registrations.models import RegistrationStatus, TokenPurpose
from tests.factories import (
    AnnouncementFactory,
    ExportLogFactory,
    OutgoingEmailFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.registrations.conftest import make_token

pytestmark = pytest.mark.django_db

DESK_PAGES = {"check_in_search", "check_in", "check_in_count", "sign_in_sheet"}
ORGANISER_PAGES = {
    "registration_list",
    "registration_detail",
    "export",
    "export_log",
    "outbox",
    "announcements",
    "announcement_detail",
    "badges",
} | DESK_PAGES


@pytest.fixture
def urls(event):
    """(name, method, path) of every registration page, export and check-in
    URL, in both languages."""
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    token = make_token(registration, TokenPurpose.CHECK_IN)
    email = OutgoingEmailFactory(registration=registration)
    announcement = AnnouncementFactory(event=event)
    log = ExportLogFactory()
    admin = "admin/registrations"
    pages = {
        "check_in_search": [("get", "check-in/?q=Ivan"), ("post", "check-in/")],
        "check_in": [("get", f"check-in/{token}/"), ("post", f"check-in/{token}/")],
        "check_in_count": [("get", "desk/count.json")],
        "sign_in_sheet": [("get", "desk/sign-in-sheet/")],
        "badges": [("get", "desk/badges/"), ("post", "desk/badges/")],
        "registration_list": [("get", f"{admin}/registration/")],
        "registration_detail": [
            ("get", f"{admin}/registration/{registration.pk}/change/")
        ],
        "export": [
            ("get", f"{admin}/registration/export/"),
            ("post", f"{admin}/registration/export/"),
        ],
        "export_log": [
            ("get", f"{admin}/exportlog/"),
            ("get", f"{admin}/exportlog/{log.pk}/change/"),
        ],
        "outbox": [
            ("get", f"{admin}/outgoingemail/"),
            ("get", f"{admin}/outgoingemail/{email.pk}/change/"),
        ],
        "announcements": [
            ("get", f"{admin}/announcement/"),
            ("get", f"{admin}/announcement/add/"),
        ],
        "announcement_detail": [
            ("get", f"{admin}/announcement/{announcement.pk}/change/")
        ],
    }
    return [
        (name, method, f"/{language}/{path}")
        for name, requests in pages.items()
        for method, path in requests
        for language in ("bg", "en")
    ]


def user_with_role(role):
    if role == "superuser":
        return UserFactory(is_superuser=True)
    user = UserFactory()
    if role is not None:
        user.groups.add(Group.objects.get(name=role))
    return user


def fetch(client, method, path):
    if method == "post":
        return client.post(path, {"columns": ["last_name"]})
    return client.get(path)


def test_anonymous_visitors_are_sent_to_log_in_everywhere(client, urls):
    for _name, method, path in urls:
        response = fetch(client, method, path)

        assert response.status_code == 302, path
        assert "/admin/login/" in response.url, path


def test_staff_without_a_role_get_403_everywhere(client, urls):
    client.force_login(user_with_role(None))

    for _name, method, path in urls:
        assert fetch(client, method, path).status_code == 403, path


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (REGISTRATION_DESK, DESK_PAGES),
        (ORGANISERS, ORGANISER_PAGES),
        ("superuser", ORGANISER_PAGES),
    ],
)
def test_each_role_reaches_exactly_its_pages(client, urls, role, allowed):
    client.force_login(user_with_role(role))

    for name, method, path in urls:
        response = fetch(client, method, path)

        if name in allowed:
            assert response.status_code in (200, 302), path
            assert "no-store" in response["Cache-Control"], path
        else:
            assert response.status_code == 403, path


def test_the_desk_sees_no_contact_details_anywhere(client, event):
    RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        last_name="Петрова",
        email="petrova@example.org",
        phone="+359 888 111 222",
    )
    client.force_login(user_with_role(REGISTRATION_DESK))

    pages = [
        client.get("/bg/check-in/?q=Петрова"),
        client.get("/bg/desk/sign-in-sheet/"),
        client.get("/bg/admin/"),
    ]

    for page in pages:
        html = page.content.decode()
        assert "petrova@example.org" not in html
        assert "888 111 222" not in html
    assert "/bg/check-in/" in pages[2].content.decode()


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_badges_action_needs_the_badges_permission(client, event, language):
    """Staff who may see and handle registrations but not print badges get no
    badge action: it is not offered, and posting it prints nothing."""
    person = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, first_name="Zoë"
    )
    user = UserFactory()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="registrations",
            codename__in=["view_registration", "change_registration"],
        )
    )
    client.force_login(user)
    changelist = f"/{language}/admin/registrations/registration/"

    page = client.get(changelist).content.decode()
    response = client.post(
        changelist,
        {"action": "print_badges", "_selected_action": [person.pk], "index": 0},
    )

    assert "Zoë" in page
    assert 'value="print_badges"' not in page
    assert response.status_code == 302
    assert 'class="badge"' not in response.content.decode()
    client.force_login(user_with_role(ORGANISERS))
    assert 'value="print_badges"' in client.get(changelist).content.decode()
