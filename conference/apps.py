from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    """The event itself, and the signals the other apps plug into.

    `conference` never imports the apps built on it: each of them connects
    its receivers to conference.signals in its own ready() (its sitemaps, its
    content, the sections it adds to pages, what its staff roles may do, its
    health checks) and names the models whose changes make cached pages stale
    (see docs/architecture.md, “Hooks”). conference answers its own signals
    the same way.
    """

    name = "conference"
    verbose_name = _("Conference")

    def ready(self):
        from conference import (
            admin_labels,
            page_cache,
            receivers,
            roles,
            search,
            signals,
        )

        # The `foldcontains` lookup every admin searches with (conference.search).
        search.register_lookups()
        admin_labels.translate_boolean_icons()
        # Groups are housekeeping, like Django's own permissions: they are
        # (re)created after every migrate, once all permissions exist.
        post_migrate.connect(roles.sync_roles, dispatch_uid="conference.sync_roles")
        for signal, receiver in [
            (signals.role_permissions, receivers.role_permissions),
            (signals.sitemaps, receivers.sitemap_sections),
            (signals.load_content, receivers.load_content),
        ]:
            signal.connect(receiver, dispatch_uid=f"conference.{receiver.__name__}")
        page_cache.invalidate_on_change(*self.get_models(include_auto_created=True))
