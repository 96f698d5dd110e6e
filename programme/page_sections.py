"""What the programme adds to other apps' pages (conference.page_sections):
each function takes the page's context and returns the section's, or None to
leave the section out; SECTIONS says which page shows which."""

from django.utils import timezone
from django.utils.translation import gettext as _

from programme import selectors
from programme.checklist import go_live_checklist

GRID_PERMISSION = "programme.change_session"


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


def with_request(page):
    """The menu's links mark the current page: they need the request."""
    return {"request": page.get("request")}


def nothing_needed(page):
    return {}


def checklist(page):
    """The go-live checklist, on the admin's home page after the day grid."""
    items = go_live_checklist()
    return {
        "items": items,
        "blocking": [item for item in items if item.required_for_registration],
    }


def agenda_links(page):
    request = page.get("request")
    if request is None or not request.user.has_perm(GRID_PERMISSION):
        return None
    return {}


SECTIONS = {
    "navigation": [("programme/includes/_navigation.html", with_request)],
    "home_links": [("programme/includes/_home_links.html", nothing_needed)],
    "home_top": [("programme/includes/_now_and_next.html", now_and_next)],
    "home": [("programme/includes/_key_figures.html", key_figures)],
    "about": [("programme/includes/_projects.html", projects)],
    # The day grid first: the organisers' main screen for building the day.
    "admin_index": [
        ("admin/programme/includes/_agenda_links.html", agenda_links),
        ("admin/programme/includes/_checklist.html", checklist),
    ],
}
