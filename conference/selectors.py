from django.http import Http404

from conference.models import ROLE_HEADINGS, Event, Partner, PartnerRole


def get_current_event() -> Event:
    event = Event.objects.current()
    if event is None:
        raise Http404("No current event")
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
