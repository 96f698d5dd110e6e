"""Admin actions with a selection that names no row: the list again, with a
message, never a server error."""

import pytest
from django.test import Client

from programme.models import Room, Session
from tests.factories import RegistrationFactory, RoomFactory, SessionFactory

LISTS = {
    "/{language}/admin/programme/session/": ["delete_selected"],
    "/{language}/admin/programme/room/": ["delete_selected"],
    "/{language}/admin/programme/speaker/": ["delete_selected"],
    "/{language}/admin/registrations/registration/": [
        "resend_last_email",
        "confirm_from_waiting_list",
        "cancel_registrations",
        "check_in_registrations",
        "print_badges",
    ],
}
NO_IDS = ["abc", "", "²", "99999999999999999999"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
@pytest.mark.parametrize("url", LISTS)
def test_an_action_on_ids_that_name_no_row_changes_nothing(
    organiser, event, url, language
):
    client = Client(raise_request_exception=False)
    client.force_login(organiser)
    room = RoomFactory(event=event)
    SessionFactory(event=event, room=room)
    RegistrationFactory(event=event)
    path = url.format(language=language)

    for action in LISTS[url]:
        for value in NO_IDS:
            response = client.post(
                path,
                {"action": action, "_selected_action": value, "index": "0"},
                follow=True,
            )

            assert response.status_code == 200, (action, value)
            text = [str(message) for message in response.context["messages"]]
            expected = {
                "bg": "Изберете записите",
                "en": "Items must be selected",
            }[language]
            assert any(expected in line for line in text), (action, value, text)
    assert Session.objects.count() == 1
    assert Room.objects.count() == 1


@pytest.mark.django_db
def test_no_admin_list_answers_an_action_on_ids_that_name_no_row_with_an_error(
    admin_user, rf
):
    from django.contrib import admin

    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    request = rf.get("/")
    request.user = admin_user
    failures = []
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        for action in model_admin.get_actions(request):
            for value in NO_IDS:
                response = client.post(
                    f"/bg/admin/{meta.app_label}/{meta.model_name}/",
                    {"action": action, "_selected_action": value, "index": "0"},
                )
                if response.status_code >= 500:
                    failures.append(f"{meta.label} {action} {value!r}")

    assert failures == []
