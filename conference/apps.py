from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    """The event itself, and the hooks the other apps plug into.

    `conference` never imports the apps built on it: each of them declares in
    its own ready() its sitemaps, its content loader, the sections it adds to
    the conference's pages and the models whose changes make cached pages
    stale, and what its staff roles may do (see docs/architecture.md, “Hooks”).
    """

    name = "conference"
    verbose_name = _("Conference")

    def ready(self):
        from conference import content, page_cache, roles, search, sitemaps
        from conference.content_loaders import register_content_loader
        from conference.models import Event, Partner

        # Groups are housekeeping, like Django's own permissions: they are
        # (re)created after every migrate, once all permissions exist.
        search.register_lookups()
        post_migrate.connect(roles.sync_roles, dispatch_uid="conference.sync_roles")
        roles.grant(roles.ORGANISERS, roles.model_permissions(Event, Partner))
        sitemaps.register_sitemaps({"conference": sitemaps.ConferencePagesSitemap})
        register_content_loader(content.load_content)
        page_cache.invalidate_on_change(*self.get_models(include_auto_created=True))
