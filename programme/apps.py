from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Agenda, speakers and results")

    def ready(self):
        from conference import signals
        from conference.page_cache import invalidate_on_change
        from programme import receivers

        for signal, receiver in [
            (signals.role_permissions, receivers.role_permissions),
            (signals.sitemaps, receivers.sitemap_sections),
            (signals.load_content, receivers.load_content),
            (signals.page_sections, receivers.page_sections_for),
            (signals.event_moved, receivers.sessions_follow_the_event),
        ]:
            signal.connect(receiver, dispatch_uid=f"programme.{receiver.__name__}")
        invalidate_on_change(*self.get_models(include_auto_created=True))
