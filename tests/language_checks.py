"""Helpers that tell whether a page speaks one language only.

A page in one language must not show the other language's interface text.
"Interface text" is what our catalogue translates: on an English page no
Bulgarian translation may appear, on a Bulgarian page no English source
string. Text marked with the other language's `lang` attribute (the language
switcher) is the one allowed exception, as WCAG asks.
"""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/bg/LC_MESSAGES/django.po"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "content"}
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


# <meta> elements whose content people read (search results, link previews);
# the others (og:type, og:url, og:locale…) are protocol values.
READABLE_META = {
    "description",
    "og:title",
    "og:description",
    "og:site_name",
    "og:image:alt",
    "twitter:title",
    "twitter:description",
}


def _readable_attributes(tag, attributes):
    if tag == "meta":
        kind = attributes.get("name") or attributes.get("property")
        if kind in READABLE_META and attributes.get("content"):
            yield attributes["content"]
        return
    for name, value in attributes.items():
        if name in VISIBLE_ATTRIBUTES - {"content"} and value:
            yield value


class _TextCollector(HTMLParser):
    def __init__(self, other_language):
        super().__init__(convert_charrefs=True)
        self.other_language = other_language
        self.stack = []  # one flag per open element: inside other-language text
        self.parts = []

    def _skipping(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skip = attributes.get("lang") == self.other_language or tag in {
            "script",
            "style",
        }
        if not skip and not self._skipping():
            self.parts.extend(_readable_attributes(tag, attributes))
        if tag not in VOID_ELEMENTS:
            self.stack.append(skip)

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self._skipping():
            self.parts.append(data)


def visible_text(html: str, *, other_language: str) -> str:
    collector = _TextCollector(other_language)
    collector.feed(html)
    return " ".join(" ".join(collector.parts).split())


@cache
def _catalogue_pairs():
    pairs = []
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.msgstr and entry.msgstr != entry.msgid and "%" not in entry.msgid:
            pairs.append((entry.msgid, entry.msgstr))
    return pairs


def other_language_strings(html: str, language: str) -> list[str]:
    """Interface strings of the other language found on a page in `language`."""
    other = "en" if language == "bg" else "bg"
    text = visible_text(html, other_language=other)
    if language == "en":
        found = [bg for _en, bg in _catalogue_pairs() if len(bg) > 3 and bg in text]
        if match := CYRILLIC.search(text):
            start = max(0, match.start() - 40)
            found.append(f"Cyrillic text: …{text[start : start + 80]}…")
        return found
    # English source strings, matched case-sensitively on word boundaries.
    return [
        en
        for en, _bg in _catalogue_pairs()
        if len(en) > 3 and re.search(rf"(?<!\w){re.escape(en)}(?!\w)", text)
    ]
