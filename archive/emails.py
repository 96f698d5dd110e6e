"""What the archive adds to the e-mails of registrations
(registrations.signals.email_context): the follow-up says what the record
of the day holds when it is sent, as the home page does then."""

from archive import selectors
from registrations.models import EmailKind


def record_of_the_day(event) -> dict:
    summary = selectors.day_summary(event)
    sessions = selectors.sessions_with_materials(event)
    photos = selectors.gallery(event)
    return {
        "published": bool(summary or sessions or photos),
        "summary": summary is not None,
        "sessions": len(sessions),
        "photos": len(photos),
    }


def follow_up_context(sender, *, kind, event, **kwargs):
    if kind != EmailKind.FOLLOW_UP:
        return None
    return {"record": record_of_the_day(event)}
