"""What the guest list's import understands: the columns' names and the values
of the columns with a fixed set of answers, in Bulgarian and in English, as
organisers write them in their spreadsheets (capitals, spaces, a trailing
colon or asterisk do not matter).

The position and the institution may come in both languages: a column named
in Bulgarian („Длъжност“) is read as the Bulgarian text, one named in English
(“Position”) as the English text, and a suffix says it outright: „Длъжност
(EN)“, „Институция на английски“, “Position (BG)”.
"""

import re

from invitations.models import GuestCategory
from registrations.models import FormOfAddress

# Column → the names it may have. The language of a name matters only for
# position and institution (see TRANSLATED).
BULGARIAN_NAMES = {
    "name": ("име и фамилия", "имена", "трите имена", "име, фамилия"),
    "first_name": ("собствено име",),
    "last_name": ("фамилия",),
    "form_of_address": ("обръщение", "титла"),
    "position": ("длъжност",),
    "institution": ("институция", "организация"),
    "email": ("имейл", "имейл адрес", "електронна поща", "e-mail адрес"),
    "language": ("език", "език на поканата"),
    "category": ("категория",),
    "reserved_seat": ("запазено място", "място в първите редове"),
    "precedence": ("протоколен ред", "ранг", "поредност"),
    "country": ("държава",),
}
ENGLISH_NAMES = {
    "name": ("name", "full name"),
    "first_name": ("first name", "given name"),
    "last_name": ("last name", "surname", "family name"),
    "form_of_address": ("form of address", "title", "salutation"),
    "position": ("position", "job title", "function"),
    "institution": ("institution", "organisation", "organization"),
    "email": ("e-mail", "email", "e-mail address", "email address"),
    "language": ("language", "language of the invitation"),
    "category": ("category",),
    "reserved_seat": (
        "reserved seat",
        "seat in the front rows",
        "seat in the first rows",
    ),
    "precedence": ("precedence", "protocol order", "rank"),
    "country": ("country",),
}
# „Име“ alone: the first name beside a „Фамилия“ column, the whole name
# otherwise.
FIRST_OR_WHOLE_NAME = "име"
TRANSLATED = ("position", "institution")
REQUIRED = ("name", "email", "language", "category")

LANGUAGE_SUFFIX = re.compile(
    r"^(?P<base>.+?)\s*(?:[(\[]\s*(?P<code>[^)\]]+?)\s*[)\]]|"
    r"\s(?:на|in)\s+(?P<words>\w+)|\s-\s*(?P<dash>\w+))$"
)
SUFFIX_LANGUAGES = {
    "bg": "bg",
    "бг": "bg",
    "бълг": "bg",
    "български": "bg",
    "bulgarian": "bg",
    "en": "en",
    "eng": "en",
    "англ": "en",
    "английски": "en",
    "english": "en",
}

LANGUAGES = {
    "bg": "bg",
    "бг": "bg",
    "bul": "bg",
    "бълг": "bg",
    "български": "bg",
    "bulgarian": "bg",
    "en": "en",
    "eng": "en",
    "англ": "en",
    "английски": "en",
    "english": "en",
}
CATEGORIES = {
    GuestCategory.OFFICIAL: (
        "official",
        "official guest",
        "официален гост",
        "официални гости",
        "официален",
    ),
    GuestCategory.SPEAKER: ("speaker", "лектор", "говорител", "приветствие"),
    GuestCategory.PARTNER: ("partner", "партньор"),
    GuestCategory.PARTICIPANT: ("participant", "участник"),
    GuestCategory.PRESS: ("press", "media", "journalist", "преса", "медии", "медия"),
}
FORMS_OF_ADDRESS = {
    FormOfAddress.MR: ("г-н", "господин", "mr"),
    FormOfAddress.MS: ("г-жа", "госпожа", "ms", "mrs", "miss"),
    FormOfAddress.DR: ("д-р", "доктор", "dr"),
    FormOfAddress.PROF: ("проф", "професор", "prof", "professor"),
}
YES = {"yes", "y", "да", "д", "x", "х", "1", "true", "✓", "✔"}
NO = {"no", "n", "не", "н", "0", "false", ""}


def normalised(text) -> str:
    """A header or value as compared: lower case, single spaces, without
    the punctuation people add around it."""
    text = str(text if text is not None else "").strip().lower()
    text = text.replace("ё", "е")
    text = re.sub(r"[*:„“”\"'’.]+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _lookup(base: str) -> tuple[str, str] | None:
    for names, language in ((BULGARIAN_NAMES, "bg"), (ENGLISH_NAMES, "en")):
        for column, spellings in names.items():
            if base in spellings:
                return column, language
    return None


def column_of(header, *, has_last_name: bool) -> str | None:
    """The field a header names (position_bg, email…), or None."""
    text = normalised(header)
    if not text:
        return None
    if text == FIRST_OR_WHOLE_NAME:
        return "first_name" if has_last_name else "name"
    found = _lookup(text)
    language = None
    if found is None:
        match = LANGUAGE_SUFFIX.match(text)
        if match is None:
            return None
        suffix = match["code"] or match["words"] or match["dash"] or ""
        language = SUFFIX_LANGUAGES.get(suffix.strip())
        found = _lookup(match["base"].strip())
        if found is None or language is None:
            return None
    column, header_language = found
    if column in TRANSLATED:
        return f"{column}_{language or header_language}"
    return column


def is_last_name_header(header) -> bool:
    found = _lookup(normalised(header))
    return found is not None and found[0] == "last_name"


def form_of_address_of(value) -> str | None:
    """The form of address written (г-н, Mr., проф.…); "" for none, None
    for one not known."""
    text = normalised(value)
    if not text:
        return ""
    for form, spellings in FORMS_OF_ADDRESS.items():
        if text in spellings:
            return form.value
    return None


def category_of(value) -> str | None:
    text = normalised(value)
    for category, spellings in CATEGORIES.items():
        if text == category.value or text in spellings:
            return category.value
    return None
