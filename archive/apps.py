from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Record of the conference")

    def ready(self):
        from archive import emails, page_sections, sitemaps
        from archive.models import DaySummary, Photo
        from conference.page_cache import invalidate_on_change
        from conference.page_sections import add_page_section
        from conference.roles import ORGANISERS, grant, model_permissions
        from conference.sitemaps import register_sitemaps
        from registrations.signals import email_context

        email_context.connect(emails.follow_up_context, dispatch_uid="archive-record")
        register_sitemaps(sitemaps.SITEMAPS)
        invalidate_on_change(*self.get_models(include_auto_created=True))
        add_page_section(
            "home_top",
            template_name="archive/includes/_record.html",
            context=page_sections.conference_record,
        )
        # Feedback and certificates are read (summaries, anonymous export,
        # verification), never edited in the admin; organisers send the
        # follow-up and issue certificates from their pages.
        grant(
            ORGANISERS,
            model_permissions(Photo, DaySummary)
            | {
                "archive.view_feedback",
                "archive.view_certificate",
                "archive.view_aftereventrecord",
                "archive.send_after_event",
            },
        )
