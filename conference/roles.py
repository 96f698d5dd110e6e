"""Staff roles as Django groups, kept in step with the permissions they need.

`sync_roles` runs after every `migrate` (see ConferenceConfig.ready), so a new
installation, a deployment and the test database all have the same groups.
Permissions are listed as "app_label.codename"; a group gets exactly these,
and a permission removed here is removed from the group on the next migrate.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.utils.translation import gettext_noop

# Group names are stored in English and shown translated (conference.admin).
ORGANISERS = gettext_noop("Organisers")
REGISTRATION_DESK = gettext_noop("Registration desk")

CONTENT_MODELS = {
    "conference": ["event", "partner"],
    "programme": [
        "session",
        "speaker",
        "sessionspeaker",
        "result",
        "project",
        "agendaversion",
    ],
    "archive": ["photo", "daysummary"],
}
ALL_ACTIONS = ("add", "change", "delete", "view")


def _model_permissions(models_by_app, actions=ALL_ACTIONS):
    return {
        f"{app_label}.{action}_{model}"
        for app_label, models in models_by_app.items()
        for model in models
        for action in actions
    }


# Registrations change only through registrations.services: the admin shows
# them read-only, and "change" there means running the desk's actions
# (confirm, cancel, check in, resend) on them.
DESK_PERMISSIONS = {
    "registrations.check_in_registration",
    "registrations.view_attendee_list",
}
REGISTRATION_PERMISSIONS = (
    _model_permissions(
        {"registrations": ["registration", "outgoingemail"]},
        actions=("view", "change"),
    )
    | _model_permissions({"registrations": ["announcement"]})
    | {
        "registrations.view_exportlog",
        "registrations.export_registrations",
        "registrations.print_badges",
        # Feedback is read (summaries, anonymous export), never edited.
        "archive.view_feedback",
        "archive.view_certificate",
    }
    | DESK_PERMISSIONS
)

ROLE_PERMISSIONS: dict[str, set[str]] = {
    # Content, registrations and exports.
    ORGANISERS: _model_permissions(CONTENT_MODELS) | REGISTRATION_PERMISSIONS,
    # The check-in page and the sign-in sheet: names, organisations, needs;
    # no admin lists, no exports, no e-mail addresses or phone numbers.
    REGISTRATION_DESK: DESK_PERMISSIONS,
}


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
