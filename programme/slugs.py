"""Slugs made from titles, Bulgarian ones transliterated by the official
Streamlined System (the Transliteration Act of 2009, State Gazette 19/2009)."""

import re
from collections.abc import Callable

from django.utils.text import slugify

# Art. 3 of the Act; "ия" at the end of a word is "ia" (Art. 4).
LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y",
    "ю": "yu", "я": "ya",
}  # fmt: skip
# Names the Act keeps in their established form (Art. 6): the country's.
EXCEPTIONS = {"българия": "bulgaria"}
WORD = re.compile(r"\w+")


def transliterate_word(word: str) -> str:
    lower = word.lower()
    if lower in EXCEPTIONS:
        latin = EXCEPTIONS[lower]
    else:
        ending = "ia" if lower.endswith("ия") else ""
        stem = lower[:-2] if ending else lower
        latin = "".join(LETTERS.get(letter, letter) for letter in stem) + ending
    if word.isupper() and len(word) > 1:
        return latin.upper()
    if word[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


def transliterate(text: str) -> str:
    """Bulgarian text in Latin letters: "Щастие" → "Shtastie", "София" → "Sofia"."""
    return WORD.sub(lambda match: transliterate_word(match.group()), text)


def slugify_title(text: str, max_length: int = 80) -> str:
    slug = slugify(transliterate(text))
    return slug[:max_length].rstrip("-")


def slug_for(
    *texts: str,
    taken: Callable[[str], bool],
    fallback: str = "item",
    max_length: int = 80,
) -> str:
    """A free slug from the first text that gives one (e.g. the Bulgarian title,
    then the English): "-2", "-3"… is added while `taken(slug)`."""
    base = next(
        (slug for slug in (slugify_title(t, max_length) for t in texts) if slug),
        fallback,
    )
    slug, number = base, 1
    while taken(slug):
        number += 1
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    return slug
