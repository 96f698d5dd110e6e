"""The agenda's sessions as HTML fragments, kept in the fragment cache.

Rendering a session costs far more than reading it, so the agenda reads only
the timetable (when each session starts and ends), takes each session's HTML
from the fragment cache, and loads and renders only the sessions it does not
hold, in one query. A fragment's key names everything the HTML shows besides
the content: the session, whether it is on now or next, and whether the
event is over (which shows the materials).
"""

from django.template.loader import get_template
from django.utils.safestring import mark_safe

from conference.models import Event
from conference.page_cache import cached_fragments
from programme.models import Session
from programme.selectors import AgendaEntry, AgendaSlot

TEMPLATE = "programme/includes/_agenda_session.html"


def fragment_name(entry: AgendaEntry, *, event_is_over: bool) -> str:
    return f"agenda-session:{entry.session.pk}:{entry.status}:{event_is_over:d}"


def add_session_articles(
    slots: list[AgendaSlot], *, event: Event, event_is_over: bool
) -> None:
    """Give each entry of the agenda its session's HTML (`entry.article`)."""
    entries = {
        fragment_name(entry, event_is_over=event_is_over): entry
        for slot in slots
        for entry in slot.entries
    }

    def render(names: list[str]) -> dict[str, str]:
        wanted = {entries[name].session.pk for name in names}
        sessions = Session.objects.for_event(event).filter(pk__in=wanted)
        by_pk = {session.pk: session for session in sessions}
        template = get_template(TEMPLATE)
        return {
            # A session deleted since the timetable was read shows nothing;
            # the deletion has made this content version stale anyway.
            name: template.render(
                {
                    "session": by_pk[entries[name].session.pk],
                    "entry": entries[name],
                    "event_is_over": event_is_over,
                }
            )
            if entries[name].session.pk in by_pk
            else ""
            for name in names
        }

    for name, html in cached_fragments(entries, render).items():
        entries[name].article = mark_safe(html)  # noqa: S308 (our own template)
