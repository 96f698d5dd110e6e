"""What the programme adds to the conference's pages (conference.page_sections):
each function takes the page's context and returns the section's, or None to
leave the section out."""

from django.utils import timezone
from django.utils.translation import gettext as _

from programme import selectors


def now_and_next(page):
    """What is on now and what comes next, with rooms, on the conference day."""
    phase = page.get("phase")
    if phase is None or not phase.is_event_day:
        return None
    sessions = selectors.now_and_next(page["event"], now=timezone.now())
    return {
        "columns": [
            (
                _("Happening now"),
                sessions["current"],
                _("No session is running at the moment."),
            ),
            (_("Up next"), sessions["next"], _("No more sessions today.")),
        ]
    }


def key_figures(page):
    return {"results": selectors.key_figures(), "heading_level": 2}


def projects(page):
    return {"projects": selectors.projects()}
