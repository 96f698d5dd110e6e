import dataclasses

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
def translated(obj, field, paragraphs=False, capfirst=False):
    """A content field in the page's language; a text that exists only in the
    other language is shown in it, marked with its `lang` and a visible note.
    `capfirst` for a job title standing on its own line (inside a sentence it
    is written in lower case)."""
    value = localised(obj, field)
    if not value.text:
        return ""
    if capfirst:
        value = dataclasses.replace(value, text=value.text[:1].upper() + value.text[1:])
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


CHART_WIDTH = 600
BAR_HEIGHT = 36
LABEL_WIDTH = 220


@register.inclusion_tag("programme/includes/_chart.html")
def result_chart(result):
    """A horizontal bar chart as inline SVG, with the same numbers as a table."""
    bars = result.chart
    largest = max((value for _label, value in bars), default=0)
    space = CHART_WIDTH - LABEL_WIDTH - 80
    rows = [
        {
            "label": label,
            "value": value,
            "y": index * (BAR_HEIGHT + 12),
            "width": round(space * value / largest) if largest else 0,
        }
        for index, (label, value) in enumerate(bars)
    ]
    return {
        "result": result,
        "rows": rows,
        "width": CHART_WIDTH,
        "height": len(rows) * (BAR_HEIGHT + 12),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "text_y": BAR_HEIGHT // 2 + 6,
    }
