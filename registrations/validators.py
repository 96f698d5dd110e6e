"""Validation of what registrants type: names, phones, control characters and
likely typos in e-mail domains."""

import difflib
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from conference.fonts import unprintable

NAME_PUNCTUATION = set(" '’‘-‐.")
PHONE = re.compile(r"^\+?[0-9 ()./-]{6,40}$")
TEXTAREA_WHITESPACE = {"\n", "\r", "\t"}

# Domains people in Bulgaria and abroad most often use, and top-level domains
# most often mistyped. A domain close to one of these, but not equal, is
# probably a typo.
COMMON_DOMAINS = (
    "abv.bg",
    "mail.bg",
    "dir.bg",
    "gbg.bg",
    "yahoo.com",
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "icloud.com",
    "yandex.ru",
    "mail.ru",
    "gmx.de",
    "gmx.net",
    "web.de",
    "bluewin.ch",
    "proton.me",
    "protonmail.com",
)
TLD_TYPOS = {
    "con": "com",
    "cmo": "com",
    "cm": "com",
    "comm": "com",
    "coom": "com",
    "ocm": "com",
    "vom": "com",
    "xom": "com",
    "og": "org",
    "orgg": "org",
    "ogr": "org",
    "nett": "net",
    "nte": "net",
    "bgg": "bg",
    "bgr": "bg",
    "gb": "bg",
    "chh": "ch",
}


def _is_control(char: str) -> bool:
    # Cc: C0/C1 controls; Cf: invisible format characters such as
    # right-to-left overrides; Cs/Co/Cn: surrogates, private use, unassigned.
    return unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"} or char in {
        "\u2028",
        "\u2029",
    }


def validate_single_line(value: str) -> None:
    if any(_is_control(char) for char in value):
        raise ValidationError(
            _("Please remove line breaks and invisible control characters."),
            code="control_characters",
        )


def validate_text_block(value: str) -> None:
    if any(_is_control(char) and char not in TEXTAREA_WHITESPACE for char in value):
        raise ValidationError(
            _("Please remove invisible control characters."),
            code="control_characters",
        )


def validate_person_name(value: str) -> None:
    """Letters of any script, with spaces, apostrophes, hyphens and dots."""
    if not any(unicodedata.category(char).startswith("L") for char in value):
        raise ValidationError(
            _("Please write the name in letters."), code="name_without_letters"
        )
    for char in value:
        category = unicodedata.category(char)
        if not (category[0] in {"L", "M"} or char in NAME_PUNCTUATION):
            raise ValidationError(
                _(
                    "Names can contain letters, spaces, apostrophes, hyphens and "
                    "dots only."
                ),
                code="name_characters",
            )
    missing = unprintable(value)
    if missing:
        raise ValidationError(
            _(
                "Badges and certificates cannot print %(characters)s. Please "
                "write the name as it should be printed on them, for example in "
                "Latin or Cyrillic letters."
            )
            % {"characters": ", ".join(f"“{char}”" for char in missing[:5])},
            code="name_unprintable",
        )


def validate_phone(value: str) -> None:
    if not PHONE.match(value) or sum(char.isdigit() for char in value) < 6:
        raise ValidationError(
            _(
                "Please give a phone number with at least 6 digits, for example "
                "+359 2 123 4567."
            ),
            code="phone",
        )


def suggest_email(address: str) -> str | None:
    """A likely intended address for a mistyped domain, or None."""
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        return None
    domain = domain.lower()
    if domain in COMMON_DOMAINS:
        return None
    match = difflib.get_close_matches(domain, COMMON_DOMAINS, n=1, cutoff=0.8)
    if match:
        return f"{local}@{match[0]}"
    name, dot, tld = domain.rpartition(".")
    if dot and tld in TLD_TYPOS:
        return f"{local}@{name}.{TLD_TYPOS[tld]}"
    return None
