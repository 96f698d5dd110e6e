from contextvars import ContextVar

from django.http import Http404

from conference.models import ROLE_HEADINGS, Event, Partner, PartnerRole

# The event the page being rendered showed; the page cache reads it to keep
# the page no longer than the event's phase (conference.page_cache).
rendered_event: ContextVar[Event | None] = ContextVar("rendered_event", default=None)


def get_current_event() -> Event:
    event = Event.objects.current()
    if event is None:
        raise Http404("No current event")
    rendered_event.set(event)
    return event


def partners_by_role() -> list[tuple[str, list[Partner]]]:
    """Partners grouped by role, in the order the roles are declared."""
    partners = list(Partner.objects.all())
    groups = []
    for role in PartnerRole:
        members = [partner for partner in partners if partner.role == role]
        if members:
            groups.append((ROLE_HEADINGS[role], members))
    return groups
