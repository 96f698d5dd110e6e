from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Conference")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from conference.page_cache import bump_content_version
        from conference.roles import sync_roles

        # Groups are housekeeping, like Django's own permissions: they are
        # (re)created after every migrate, once all permissions exist.
        post_migrate.connect(sync_roles, dispatch_uid="conference.sync_roles")
        # Any saved or deleted content makes every cached public page stale.
        for name, signal in [
            ("post_save", post_save),
            ("post_delete", post_delete),
            ("m2m_changed", m2m_changed),
        ]:
            signal.connect(bump_content_version, dispatch_uid=f"page_cache.{name}")
