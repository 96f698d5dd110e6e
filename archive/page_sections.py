"""What the archive adds to other apps' pages (conference.page_sections):
each function takes the page's context and returns the section's, or None to
leave the section out; SECTIONS says which page shows which."""

from django.urls import reverse

from archive import selectors
from conference.site import absolute_url
from registrations import rules
from registrations.rules import Action

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
    """The certificate and the feedback form, on an attendee's own page,
    each while the table of registrations.rules allows it."""
    registration = page.get("registration")
    if registration is None:
        return None
    phase = registration.event.phase()
    certificate, feedback = (
        rules.decide(action, registration=registration, phase=phase).allowed
        for action in (Action.ISSUE_CERTIFICATE, Action.GIVE_FEEDBACK)
    )
    if not (certificate or feedback):
        return None
    return {"token": page["token"], "certificate": certificate, "feedback": feedback}


def record_of_the_day(event) -> dict:
    """What the record holds now: the follow-up says the materials are online
    only if some are, as the home page does."""
    summary = selectors.day_summary(event)
    sessions = selectors.sessions_with_materials(event)
    photos = selectors.gallery(event)
    return {
        "published": bool(summary or sessions or photos),
        "summary": summary is not None,
        "sessions": len(sessions),
        "photos": len(photos),
    }


def follow_up_links(page):
    """The record of the day as it stands when the e-mail is written, and the
    certificate and the feedback form behind the e-mail's own link."""
    token = page["manage_token"]
    return {
        "home_url": page["home_url"],
        "record": record_of_the_day(page["event"]),
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
