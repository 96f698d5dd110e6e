"""schema.org data (JSON-LD) describing the conference, for search engines.

Rendered with `ld_json_script`, which escapes the JSON so that no text in it
can close the <script> element.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from conference.models import Event, Partner, PartnerRole

JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
}


def ld_json_script(data: dict) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308
    )


def place(event: Event) -> dict:
    address = {"@type": "PostalAddress", "addressLocality": event.city}
    if event.venue_address and not event.venue_address.startswith("["):
        address["streetAddress"] = event.venue_address
    return {"@type": "Place", "name": event.venue_name, "address": address}


def event_data(event: Event, *, url: str, language: str, image: str = "") -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.tagline or event.description[:300],
        # Only the day while the times are not confirmed.
        "startDate": event.date.isoformat()
        if event.times_are_provisional
        else event.starts_at.isoformat(),
        "endDate": event.date.isoformat()
        if event.times_are_provisional
        else event.ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": language,
        "url": url,
        "location": place(event),
        "organizer": [
            {"@type": "Organization", "name": partner.name, "url": partner.website}
            if partner.website
            else {"@type": "Organization", "name": partner.name}
            for partner in event_organisers()
        ],
    }
    if image:
        data["image"] = [image]
    return data


def event_organisers() -> list[Partner]:
    return list(Partner.objects.filter(role=PartnerRole.ORGANISER))
