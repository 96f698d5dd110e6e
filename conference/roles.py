"""Staff roles as Django groups, kept in step with the permissions they need.

Each app grants the roles its permissions (`grant`, in its AppConfig.ready());
`sync_roles` runs after every `migrate`, so a new installation, a deployment
and the test database all have the same groups. A group gets exactly the
permissions granted, and one no longer granted is removed on the next migrate.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.utils.translation import gettext_noop

# Group names are stored in English and shown translated (conference.admin).
ORGANISERS = gettext_noop("Organisers")
REGISTRATION_DESK = gettext_noop("Registration desk")

ALL_ACTIONS = ("add", "change", "delete", "view")

# Each app grants its own permissions in its AppConfig.ready().
ROLE_PERMISSIONS: dict[str, set[str]] = {ORGANISERS: set(), REGISTRATION_DESK: set()}


def model_permissions(*models, actions=ALL_ACTIONS) -> set[str]:
    return {
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in models
        for action in actions
    }


def grant(role: str, permissions: set[str]) -> None:
    ROLE_PERMISSIONS[role] |= permissions


def sync_roles(sender=None, *, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Create the staff groups and give each exactly its permissions.

    post_migrate is sent once per app, and each app's permissions only exist
    after its own signal, so this runs every time; it is idempotent and cheap.
    """
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return
    for role, wanted in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=role)
        permissions = [
            permission
            for permission in Permission.objects.using(using).select_related(
                "content_type"
            )
            if f"{permission.content_type.app_label}.{permission.codename}" in wanted
        ]
        group.permissions.set(permissions)
