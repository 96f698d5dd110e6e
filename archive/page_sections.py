"""What the archive adds to the conference's pages (conference.page_sections)."""

from archive import selectors

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
