"""Search that finds names as people type them: „петров“ finds „Петров“,
"muller" finds "Müller", "ДИМИТРОВА" finds „Димитрова“, on PostgreSQL and
on SQLite alike.

SQLite's LIKE folds the case of ASCII letters only, and PostgreSQL's ILIKE
folds Cyrillic only when the database's locale does (not under "C"); neither
ignores accents. Here the search term is folded in Python (lower case, accents
off: `fold`), and each folded letter becomes the class of every letter that
folds to it (`variants_pattern`: "muller" → "[mMḿ…][uUùúûü…][lLĺļľŀł…]…"),
which both databases match with their own case-sensitive regular expressions
(`~` on PostgreSQL, Django's REGEXP function on SQLite). No schema, no
extension, no locale setting: the same rows are found on both. Why not
`unaccent` or a trigram index is in docs/translations.md.

`FoldedContains` is the `foldcontains` lookup of text fields; every admin of
the site searches with it (`FoldedSearchMixin`, mixed in by the admin site).
"""

import unicodedata
from functools import lru_cache

from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modeltranslation.translator import NotRegistered, translator

# Letters the folding covers: Latin, Greek and Cyrillic with their accented
# forms. Letters of other scripts are matched as they are typed.
SCRIPTS = (
    range(0x0041, 0x0250),  # Basic Latin to Latin Extended-B
    range(0x0370, 0x0400),  # Greek
    range(0x0400, 0x0530),  # Cyrillic and its supplement
    range(0x1E00, 0x2000),  # Latin Extended Additional, Greek Extended
)
# Letters that are not letters with an accent in Unicode's decomposition.
NO_DECOMPOSITION = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t"}
# A letter of its own in Bulgarian, never "и" with an accent.
OWN_LETTERS = {"й"}


def _fold_letter(letter: str) -> str:
    lower = letter.casefold()
    if lower in OWN_LETTERS:
        return lower
    # "Ü" → "u" + diaeresis, "ŀ" → "l" + middle dot, "ϒ" → "Υ": the letters.
    bare = "".join(
        part for part in unicodedata.normalize("NFKD", lower) if part.isalpha()
    ).casefold()
    bare = NO_DECOMPOSITION.get(bare, bare)
    if len(bare) == 1:
        return bare
    return lower if len(lower) == 1 else letter


def _fold_table() -> tuple[dict[str, str], dict[str, str]]:
    folded, variants = {}, {}
    for script in SCRIPTS:
        for code in script:
            letter = chr(code)
            if not letter.isalpha():
                continue
            target = _fold_letter(letter)
            if target != letter:
                folded[letter] = target
            variants.setdefault(target, {target}).add(letter)
    classes = {
        target: "".join(sorted(letters))
        for target, letters in variants.items()
        if len(letters) > 1
    }
    return folded, classes


FOLDED, VARIANTS = _fold_table()


def fold(text: str) -> str:
    """`text` in lower case without accents, as the search compares it;
    control characters (NUL…) left out."""
    text = unicodedata.normalize("NFC", text)
    return "".join(
        FOLDED.get(char, char)
        for char in text
        if unicodedata.category(char) != "Cc" or char in "\t\n"
    )


@lru_cache(maxsize=256)
def variants_pattern(text: str) -> str:
    """A regular expression, read alike by PostgreSQL and Python, matching
    `text` whatever the case and accents of the letters it is compared with.

    Only three forms are written: a class of letters ("[eEèéêë…]"), a letter
    or digit as it is, and any other character escaped with a backslash
    (which both read as that character itself).
    """
    parts = []
    for char in fold(text):
        if char in VARIANTS:
            parts.append(f"[{VARIANTS[char]}]")
        elif char.isalnum():
            parts.append(char)
        else:
            parts.append(f"\\{char}")
    return "".join(parts)


class FoldedContains(models.Lookup):
    """`name__foldcontains="петров"`: the field contains the text, whatever
    the case and the accents."""

    lookup_name = "foldcontains"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [variants_pattern(str(value))]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        # "~ %s" on PostgreSQL, "REGEXP %s" on SQLite (Django's function).
        operator = connection.operators["regex"] % rhs
        return f"{lhs} {operator}", [*lhs_params, *rhs_params]


def register_lookups() -> None:
    models.CharField.register_lookup(FoldedContains)
    models.TextField.register_lookup(FoldedContains)


def translated_names(model, name: str) -> list[str]:
    """The column of each language for a field translated with
    modeltranslation (`name_bg`, `name_en`), or just `name`."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return [name]
    if name not in options.all_fields:
        return [name]
    return sorted(field.name for field in options.all_fields[name])


def folded_search_fields(model, search_fields) -> list[str]:
    """The admin's `search_fields`, text fields searched with `foldcontains`
    and translated ones in every language; prefixed (^, =, @) fields, fields
    with their own lookup and other types of fields stay as they are."""
    fields = []
    for spec in search_fields:
        spec = str(spec)
        if spec[:1] in {"^", "=", "@"}:
            fields.append(spec)
            continue
        try:
            path = get_fields_from_path(model, spec)
        except (FieldDoesNotExist, NotRelationField):
            fields.append(spec)  # a path ending in a lookup, such as "__exact"
            continue
        field = path[-1]
        if not isinstance(field, (models.CharField, models.TextField)):
            fields.append(spec)
            continue
        prefix, _separator, name = spec.rpartition("__")
        for column in translated_names(field.model, name):
            full = f"{prefix}__{column}" if prefix else column
            fields.append(f"{full}__{FoldedContains.lookup_name}")
    return list(dict.fromkeys(fields))


class FoldedSearchMixin:
    """A ModelAdmin's search, case- and accent-insensitive on every database."""

    def get_search_fields(self, request):
        return folded_search_fields(self.model, super().get_search_fields(request))
