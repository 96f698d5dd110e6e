"""What the archive answers to the signals of the apps below it
(conference.signals); connected in ArchiveConfig.ready()."""

from archive import page_sections, sitemaps
from archive.models import AfterEventRecord, DaySummary, Photo
from conference.page_sections import sections_for
from conference.roles import ORGANISERS, model_permissions


def role_permissions(sender, **kwargs):
    # Feedback and certificates are read (summaries, anonymous export,
    # verification), never edited in the admin; organisers send the
    # follow-up and issue certificates from their pages (after_event_admin).
    return {
        ORGANISERS: model_permissions(Photo, DaySummary)
        | model_permissions(AfterEventRecord, actions=("view",))
        | {
            "archive.view_feedback",
            "archive.view_certificate",
            "archive.send_after_event",
        }
    }


def sitemap_sections(sender, **kwargs):
    return sitemaps.SITEMAPS


def page_sections_for(sender, *, page, context, **kwargs):
    return sections_for(page_sections.SECTIONS, page=page, context=context)
