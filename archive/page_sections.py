"""What the archive adds to other apps' pages (conference.page_sections):
each function takes the page's context and returns the section's, or None to
leave the section out; SECTIONS says which page shows which."""

from django.urls import reverse

from archive import selectors
from archive.services import is_attendee
from conference.site import absolute_url

RECORD_PHOTOS = 6


def conference_record(page):
    """The summary, slides, recordings and photos, on the home page after the
    day."""
    if not page.get("event_is_over"):
        return None
    event = page["event"]
    photos = selectors.gallery(event)
    return {
        "event": event,
        "summary": selectors.day_summary(event),
        "sessions": selectors.sessions_with_materials(event),
        "photos": photos[:RECORD_PHOTOS],
        "photo_count": len(photos),
    }


def attendee_links(page):
    """The certificate and the feedback form, on an attendee's own page."""
    registration = page.get("registration")
    if registration is None or not is_attendee(registration):
        return None
    return {"token": page["token"]}


def follow_up_links(page):
    """The same two, in the follow-up e-mail, behind the e-mail's own link."""
    token = page["manage_token"]
    return {
        "certificate_url": absolute_url(
            reverse("archive:certificate", kwargs={"token": token})
        ),
        "feedback_url": absolute_url(
            reverse("archive:feedback", kwargs={"token": token})
        ),
    }


SECTIONS = {
    "home_top": [("archive/includes/_record.html", conference_record)],
    "registration_after_the_day": [
        ("archive/includes/_attendee_links.html", attendee_links)
    ],
    "follow_up_email_text": [("archive/email/_follow_up_links.txt", follow_up_links)],
    "follow_up_email_html": [("archive/email/_follow_up_links.html", follow_up_links)],
}
