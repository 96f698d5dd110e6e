from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html

from programme.bilingual import (
    localised,
    mark_english_titles,
    only_in_language_note,
)
from programme.renditions import get_rendition

register = template.Library()


@register.simple_tag
def translated(obj, field, paragraphs=False):
    """A content field in the page's language; a text that exists only in the
    other language is shown in it, marked with its `lang` and a visible note."""
    value = localised(obj, field)
    if not value.text:
        return ""
    if not value.is_fallback:
        text = value.text
        if value.language == "bg":
            text = mark_english_titles(text, getattr(obj, f"{field}_en", "") or "")
        return linebreaks_filter(text) if paragraphs else text
    note = only_in_language_note(value.language)
    if paragraphs:
        return format_html(
            '<p class="language-note">{}</p><div lang="{}">{}</div>',
            note,
            value.language,
            linebreaks_filter(value.text),
        )
    return format_html(
        '<span lang="{}">{}</span> <span class="language-note">({})</span>',
        value.language,
        value.text,
        note,
    )


@register.simple_tag
def rendition(field_file, size):
    """A resized copy of an uploaded image (url, width, height), or None."""
    return get_rendition(field_file, size)
