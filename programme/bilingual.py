"""Texts that exist in one language only.

Content falls back to the other language (modeltranslation), but a page must
not pass a Bulgarian text off as English or the reverse: `localised` tells
which language a text is really in, so the page can mark it with its `lang`
and a visible “available in Bulgarian only” / “само на английски” note.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# A title quoted in Bulgarian text: „…“.
QUOTED_TITLE = re.compile(r"„([^“]+)“")
ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|for|in|on|to|with|against)\b")


@dataclass(frozen=True)
class LocalisedText:
    text: str
    language: str
    is_fallback: bool

    def __str__(self):
        return self.text


def localised(obj, field: str, language: str | None = None) -> LocalisedText:
    """The text of `field` in `language`, or in another language as a fallback."""
    language = language or translation.get_language()
    own = getattr(obj, f"{field}_{language}", "") or ""
    if own:
        return LocalisedText(own, language, is_fallback=False)
    for code, _name in settings.LANGUAGES:
        text = getattr(obj, f"{field}_{code}", "") or ""
        if code != language and text:
            return LocalisedText(text, code, is_fallback=True)
    return LocalisedText("", language, is_fallback=False)


def only_in_language_note(language: str) -> str:
    """The note shown beside a text that exists only in `language`."""
    if language == "bg":
        return _("available in Bulgarian only")
    return _("available in English only")


def both_languages(obj, field: str) -> dict[str, str]:
    """The field in every language, for exports that carry both."""
    return {
        code: getattr(obj, f"{field}_{code}", "") or ""
        for code, _name in settings.LANGUAGES
    }


def mark_english_titles(text: str, english: str) -> SafeString:
    """Bulgarian text, escaped, with the English titles it quotes marked
    `lang="en"` for screen readers. The site knows a quoted title is English
    when the English text carries it word for word and it reads as English
    (it has English function words, so a German name such as „Die
    Drehscheibe“ is left alone)."""
    parts, end = [], 0
    for match in QUOTED_TITLE.finditer(text):
        title = match.group(1)
        if title in english and ENGLISH_WORDS.search(title):
            parts.append(escape(text[end : match.start()]))
            parts.append(format_html('„<span lang="en">{}</span>“', title))
            end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))  # noqa: S308 (each part is escaped)
