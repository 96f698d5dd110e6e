"""Sections that other apps add to the conference's own pages.

The home page shows the programme's key figures (and, on the day, what is on
now and next; afterwards, the record of the day), “About the programme” its
projects, but `conference` does not know the apps built on it: an app adds a
section with `add_page_section()` in its `AppConfig.ready()`, and the page's
template renders them with `{% page_sections "home" %}` (site_tags).

A section's `context` function receives the page's template context (the
event, its phase, ...) and returns the section's own context, or None when the
section has nothing to show on this page at this moment.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.template import Context

SectionContext = Callable[[Context], dict | None]


@dataclass(frozen=True)
class PageSection:
    template_name: str
    context: SectionContext


SECTIONS: dict[str, list[PageSection]] = defaultdict(list)


def add_page_section(page: str, *, template_name: str, context: SectionContext) -> None:
    # Registering again (ready() run twice) replaces, never repeats, a section.
    sections = SECTIONS[page]
    section = PageSection(template_name, context)
    for index, existing in enumerate(sections):
        if existing.template_name == template_name:
            sections[index] = section
            return
    sections.append(section)
