from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from conference.headings import keep_with_next as join_short_words
from conference.page_sections import page_sections as sections_of

register = template.Library()


@register.inclusion_tag("includes/_nav_link.html", takes_context=True)
def nav_link(context, view_name, label, *also_current):
    """A navigation link, marked current on its own page and `also_current` ones."""
    match = getattr(context.get("request"), "resolver_match", None)
    current = match is not None and match.view_name in (view_name, *also_current)
    return {"url": reverse(view_name), "label": label, "current": current}


@register.simple_tag(takes_context=True)
def page_sections(context, page):
    """The sections other apps add to this page (conference.page_sections),
    each rendered as an inclusion tag renders its template."""
    engine = context.template.engine
    rendered = [
        engine.get_template(section.template_name).render(context.new(section.context))
        for section in sections_of(page, context)
    ]
    return format_html_join("", "{}", ((html,) for html in rendered))


@register.filter
def keep_with_next(value):
    """For headings: no one-letter word left at the end of a line (the
    non-breaking space is a character, so autoescaping still applies)."""
    return join_short_words(str(value))
