from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Agenda, speakers and results")

    def ready(self):
        from conference.content_loaders import register_content_loader
        from conference.page_cache import invalidate_on_change
        from conference.page_sections import add_page_section
        from conference.roles import ORGANISERS, grant, model_permissions
        from conference.signals import event_moved
        from conference.sitemaps import register_sitemaps
        from programme import content, page_sections, services, sitemaps
        from programme.models import (
            AgendaVersion,
            Project,
            Result,
            Room,
            Session,
            SessionSpeaker,
            Speaker,
        )

        grant(
            ORGANISERS,
            model_permissions(
                Session, Speaker, SessionSpeaker, Room, Result, Project, AgendaVersion
            ),
        )
        # Sessions keep their hours on the event's new date.
        event_moved.connect(
            services.sessions_follow_the_event,
            dispatch_uid="programme.sessions_follow_the_event",
        )
        register_sitemaps(sitemaps.SITEMAPS)
        register_content_loader(content.load_content)
        invalidate_on_change(*self.get_models(include_auto_created=True))
        add_page_section(
            "home_top",
            template_name="programme/includes/_now_and_next.html",
            context=page_sections.now_and_next,
        )
        add_page_section(
            "home",
            template_name="programme/includes/_key_figures.html",
            context=page_sections.key_figures,
        )
        add_page_section(
            "about",
            template_name="programme/includes/_projects.html",
            context=page_sections.projects,
        )
