"""What the programme answers to conference's signals (conference.signals);
connected in ProgrammeConfig.ready()."""

from conference.page_sections import sections_for
from conference.roles import ORGANISERS, model_permissions
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


def role_permissions(sender, **kwargs):
    return {
        ORGANISERS: model_permissions(
            Session, Speaker, SessionSpeaker, Room, Result, Project, AgendaVersion
        )
    }


def sitemap_sections(sender, **kwargs):
    return sitemaps.SITEMAPS


def load_content(sender, *, event_date, **kwargs):
    return content.load_content(event_date=event_date)


def page_sections_for(sender, *, page, context, **kwargs):
    return sections_for(page_sections.SECTIONS, page=page, context=context)


def sessions_follow_the_event(sender, *, event, previous_date, by=None, **kwargs):
    """The event has a new date: its sessions (and its published agenda)
    move with it; the admin shows what moved."""
    moved = services.move_sessions(event=event, previous_date=previous_date, by=by)
    return moved.report(event)
