"""Sections that other apps add to a page: `{% page_sections "home" %}`.

The home page shows the programme's key figures (and, on the day, what is
on now and next; afterwards, the record of the day), “About the programme”
its projects, the menu the programme's pages, but `conference` does not know
the apps built on it. A page asks for its sections with the
`conference.signals.page_sections` signal (site_tags renders them as an
inclusion tag renders its template), and each app's receiver answers with
`sections_for()` from its own table:

    SECTIONS = {"home": [("programme/includes/_key_figures.html", key_figures)]}

A section's context function receives the page's template context (the
event, its phase, the request, ...) and returns the section's own context,
or None when the section has nothing to show on this page at this moment.
The slots are listed in docs/architecture.md (“Hooks”).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template import Context

from conference import signals

SectionContext = Callable[[Context], dict | None]


@dataclass(frozen=True)
class PageSection:
    template_name: str
    context: dict


def sections_for(
    table: dict[str, list[tuple[str, SectionContext]]], *, page: str, context
) -> list[PageSection]:
    """The sections `table` has for `page`, each with its context, leaving
    out those whose context function returns None."""
    sections = []
    for template_name, section_context in table.get(page, ()):
        values = section_context(context)
        if values is not None:
            sections.append(PageSection(template_name, values))
    return sections


def page_sections(page: str, context) -> list[PageSection]:
    """Every app's sections for `page`, in the order of INSTALLED_APPS."""
    answers = signals.page_sections.send(sender=None, page=page, context=context)
    return [section for _receiver, sections in answers for section in sections]
