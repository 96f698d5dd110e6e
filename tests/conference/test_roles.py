"""The staff groups after a migrate or a flush: each role holds exactly the
permissions the apps grant it (conference.roles)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from conference.roles import ORGANISERS, REGISTRATION_DESK, role_permissions


def held_permissions() -> dict[str, set[str]]:
    return {
        group.name: {
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in group.permissions.select_related("content_type")
        }
        for group in Group.objects.all()
    }


@pytest.mark.django_db
def test_after_migrate_each_role_holds_exactly_what_the_apps_grant():
    held = held_permissions()
    assert held == role_permissions()
    assert "conference.change_event" in held[ORGANISERS]
    # The desk checks people in; it does not read the registrations.
    assert held[REGISTRATION_DESK] == {
        "registrations.check_in_registration",
        "registrations.view_attendee_list",
    }


@pytest.mark.django_db
def test_a_permission_taken_away_by_hand_comes_back_on_the_next_migrate():
    organisers = Group.objects.get(name=ORGANISERS)
    organisers.permissions.remove(
        Permission.objects.get(
            codename="change_event", content_type__app_label="conference"
        )
    )
    extra = Permission.objects.get(codename="delete_group")
    organisers.permissions.add(extra)

    call_command("migrate", verbosity=0)

    assert held_permissions() == role_permissions()


@pytest.mark.django_db(transaction=True)
def test_the_roles_are_back_with_their_permissions_after_a_flush():
    call_command("flush", interactive=False, verbosity=0)

    assert held_permissions() == role_permissions()
