from django import template

from archive import selectors

register = template.Library()

RECORD_PHOTOS = 6


@register.inclusion_tag("archive/includes/_record.html")
def conference_record(event):
    """The summary, slides, recordings and photos, for the home page after the
    day."""
    photos = selectors.gallery(event)
    return {
        "event": event,
        "summary": selectors.day_summary(event),
        "sessions": selectors.sessions_with_materials(event),
        "photos": photos[:RECORD_PHOTOS],
        "photo_count": len(photos),
    }
