"""Staff roles as Django groups, kept in step with the permissions they need.

Each app says what the roles may do with its models in answer to the
`conference.signals.role_permissions` signal (connected in its
AppConfig.ready()); `sync_roles` runs after every `migrate`, so a new
installation, a deployment and the test database all have the same groups.
A group gets exactly the permissions granted, and one no longer granted is
removed on the next migrate.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.utils.translation import gettext_noop

from conference import signals

# Group names are stored in English and shown translated (conference.admin).
ORGANISERS = gettext_noop("Organisers")
REGISTRATION_DESK = gettext_noop("Registration desk")

ALL_ACTIONS = ("add", "change", "delete", "view")
ROLES = (ORGANISERS, REGISTRATION_DESK)


def model_permissions(*models, actions=ALL_ACTIONS) -> set[str]:
    return {
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in models
        for action in actions
    }


def role_permissions() -> dict[str, set[str]]:
    """What each role may do: everything the apps grant it."""
    granted = {role: set() for role in ROLES}
    for receiver, permissions in signals.role_permissions.send(sender=None):
        for role, names in permissions.items():
            if role not in granted:
                raise ValueError(f"{receiver} grants to an unknown role: {role}")
            granted[role] |= names
    return granted


def sync_roles(sender=None, *, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Create the staff groups and give each exactly its permissions.

    post_migrate is sent once per app with models, in INSTALLED_APPS order,
    and each app's permissions exist only after its own signal: the groups
    are synced once, after the last app's, when every permission exists.
    (A flush sends post_migrate too, after each transactional test.)
    """
    if sender is not None and sender is not _last_app_with_models():
        return
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return
    for role, wanted in role_permissions().items():
        group, _created = Group.objects.using(using).get_or_create(name=role)
        permissions = [
            permission
            for permission in Permission.objects.using(using).select_related(
                "content_type"
            )
            if f"{permission.content_type.app_label}.{permission.codename}" in wanted
        ]
        group.permissions.set(permissions)


def _last_app_with_models():
    # The order of django.core.management.sql.emit_post_migrate_signal.
    return [
        app for app in global_apps.get_app_configs() if app.models_module is not None
    ][-1]
