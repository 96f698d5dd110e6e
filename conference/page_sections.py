"""Sections that other apps add to the conference's own pages.

The home page shows the programme's key figures and “About the programme” its
projects, but `conference` does not know the apps built on it: an app adds a
section with `add_page_section()` in its `AppConfig.ready()`, and the page's
template renders them with `{% page_sections "home" %}` (site_tags).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PageSection:
    template_name: str
    context: Callable[[], dict]


SECTIONS: dict[str, list[PageSection]] = defaultdict(list)


def add_page_section(
    page: str, *, template_name: str, context: Callable[[], dict]
) -> None:
    # Registering again (ready() run twice) replaces, never repeats, a section.
    sections = SECTIONS[page]
    section = PageSection(template_name, context)
    for index, existing in enumerate(sections):
        if existing.template_name == template_name:
            sections[index] = section
            return
    sections.append(section)
