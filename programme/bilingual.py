"""Texts that exist in one language only.

Content falls back to the other language (modeltranslation), but a page must
not pass a Bulgarian text off as English or the reverse: `localised` tells
which language a text is really in, so the page can mark it with its `lang`
and a visible “available in Bulgarian only” / “само на английски” note.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _


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
