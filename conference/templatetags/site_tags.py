from django import template
from django.urls import reverse

from conference.headings import keep_with_next as join_short_words

register = template.Library()


@register.inclusion_tag("includes/_nav_link.html", takes_context=True)
def nav_link(context, view_name, label, *also_current):
    """A navigation link, marked current on its own page and `also_current` ones."""
    match = getattr(context.get("request"), "resolver_match", None)
    current = match is not None and match.view_name in (view_name, *also_current)
    return {"url": reverse(view_name), "label": label, "current": current}


@register.filter
def keep_with_next(value):
    """For headings: no one-letter word left at the end of a line (the
    non-breaking space is a character, so autoescaping still applies)."""
    return join_short_words(str(value))
