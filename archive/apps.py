from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Record of the conference")

    def ready(self):
        from archive import receivers
        from conference import signals
        from conference.page_cache import invalidate_on_change

        for signal, receiver in [
            (signals.role_permissions, receivers.role_permissions),
            (signals.sitemaps, receivers.sitemap_sections),
            (signals.page_sections, receivers.page_sections_for),
        ]:
            signal.connect(receiver, dispatch_uid=f"archive.{receiver.__name__}")
        invalidate_on_change(*self.get_models(include_auto_created=True))
