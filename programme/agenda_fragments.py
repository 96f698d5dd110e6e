"""The agenda's day as HTML fragments, kept in the fragment cache.

Rendering costs far more than reading, and grows with the sessions, so the
agenda reads only the timetable (when each session starts and ends) and
takes the whole day's HTML from the fragment cache, keyed by which sessions
are on now and next and whether the event is over (which shows the
materials). When the day is missing (after a content edit, or when the next
session begins), it is laid out again from each session's own fragment, and
only the sessions the cache does not hold are loaded, in one query, and
rendered.
"""

from django.template.loader import get_template
from django.utils.safestring import mark_safe

from conference.models import Event
from conference.page_cache import cached_fragments
from programme.models import AgendaVersion, Session
from programme.selectors import (
    AgendaEntry,
    AgendaSlot,
    build_agenda,
    session_statuses,
    with_published_times,
)

TEMPLATE = "programme/includes/_agenda_session.html"
DAY_TEMPLATE = "programme/includes/_agenda_day.html"


def agenda_day(
    timetable: list,
    *,
    event: Event,
    version: AgendaVersion | None,
    now,
    event_is_over: bool,
) -> str:
    """The day's timeline as HTML ("" when there are no sessions yet): the
    published `version`, or the draft as it stands when it is None."""
    if not timetable:
        return ""
    statuses = session_statuses(timetable, event=event, now=now)
    marks = ",".join(f"{pk}{status}" for pk, status in sorted(statuses.items()))
    edition = version.number if version is not None else "draft"
    name = f"agenda-day:{event.pk}:{edition}:{event_is_over:d}:{marks}"

    def render(_names: list[str]) -> dict[str, str]:
        slots = build_agenda(timetable, event=event, now=now)
        add_session_articles(
            slots, event=event, version=version, event_is_over=event_is_over
        )
        return {name: get_template(DAY_TEMPLATE).render({"slots": slots})}

    return mark_safe(cached_fragments([name], render)[name])  # noqa: S308


def fragment_name(entry: AgendaEntry, *, edition, event_is_over: bool) -> str:
    return (
        f"agenda-session:{entry.session.pk}:{edition}:{entry.status}:{event_is_over:d}"
    )


def add_session_articles(
    slots: list[AgendaSlot],
    *,
    event: Event,
    version: AgendaVersion | None,
    event_is_over: bool,
) -> None:
    """Give each entry of the agenda its session's HTML (`entry.article`)."""
    edition = version.number if version is not None else "draft"
    entries = {
        fragment_name(entry, edition=edition, event_is_over=event_is_over): entry
        for slot in slots
        for entry in slot.entries
    }

    def render(names: list[str]) -> dict[str, str]:
        wanted = {entries[name].session.pk for name in names}
        sessions = list(Session.objects.for_event(event).filter(pk__in=wanted))
        if version is not None:
            sessions = with_published_times(sessions, version)
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
