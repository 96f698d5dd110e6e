from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Conference")

    def ready(self):
        from conference.roles import sync_roles

        # Groups are housekeeping, like Django's own permissions: they are
        # (re)created after every migrate, once all permissions exist.
        post_migrate.connect(sync_roles, dispatch_uid="conference.sync_roles")
