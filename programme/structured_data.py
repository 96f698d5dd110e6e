"""schema.org `Event` data for a session, part of the conference (superEvent)."""

from django.utils import timezone

from conference.models import Event
from conference.structured_data import event_data, place
from programme.models import Session


def session_data(
    session: Session,
    *,
    event: Event,
    url: str,
    event_url: str,
    language: str,
    person_url,
) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "startDate": timezone.localtime(session.starts_at).isoformat(),
        "endDate": timezone.localtime(session.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": url,
        "location": place(event),
        "superEvent": {
            "@type": "Event",
            "name": event.title,
            "url": event_url,
            # Only the day while the conference's hours are not confirmed.
            "startDate": event.date.isoformat()
            if event.times_are_provisional
            else event.starts_at.isoformat(),
        },
    }
    if session.language:
        data["inLanguage"] = session.language.split("-")
    if session.description:
        data["description"] = session.description
    performers = [
        {
            "@type": "Person",
            "name": row.speaker.name,
            "url": person_url(row.speaker),
            **({"jobTitle": row.speaker.position} if row.speaker.position else {}),
        }
        for row in session.session_speakers.all()
    ]
    if performers:
        data["performer"] = performers
    return data


__all__ = ["event_data", "session_data"]
