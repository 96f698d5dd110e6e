"""The checks of one row of an imported guest list: every value the guest
needs, read as organisers write it (import_columns.py), and a translated
message for each one that cannot be used."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _

from invitations import import_columns as columns
from registrations.validators import validate_person_name, validate_single_line

LIMITS = {
    "first_name": 100,
    "last_name": 100,
    "email": 254,
    "position_bg": 200,
    "position_en": 200,
    "institution_bg": 200,
    "institution_en": 200,
    "country": 100,
}
TEXT_FIELDS = (
    "position_bg",
    "position_en",
    "institution_bg",
    "institution_en",
    "country",
)


def check_row(raw: dict[str, str]) -> dict[str, Any]:
    """A row's values as the guest's fields (`values`), and what is wrong
    with them (`errors`, translated)."""
    values: dict[str, Any] = {}
    errors: list[str] = []
    if "name" in raw:
        parts = raw["name"].split()
        values["first_name"] = " ".join(parts[:-1]) if len(parts) > 1 else raw["name"]
        values["last_name"] = parts[-1] if len(parts) > 1 else ""
    else:
        values["first_name"] = raw.get("first_name", "")
        values["last_name"] = raw.get("last_name", "")
    if not values["first_name"] and not values["last_name"]:
        errors.append(_("The name is missing."))
    else:
        for part in ("first_name", "last_name"):
            if values[part]:
                try:
                    validate_person_name(values[part])
                except ValidationError as error:
                    errors.extend(error.messages)
                    break
    form = columns.form_of_address_of(raw.get("form_of_address"))
    if form is None:
        errors.append(
            _(
                "The form of address “%(value)s” is not known: write г-н, г-жа, "
                "д-р or проф. (or Mr, Ms, Dr, Prof), or leave it empty."
            )
            % {"value": raw.get("form_of_address")}
        )
    values["form_of_address"] = form or ""
    for text_field in TEXT_FIELDS:
        if raw.get(text_field):
            values[text_field] = raw[text_field]
    values["email"] = raw.get("email", "")
    if not values["email"]:
        errors.append(_("The e-mail address is missing."))
    else:
        try:
            EmailValidator()(values["email"])
        except ValidationError:
            errors.append(
                _("“%(value)s” is not an e-mail address.") % {"value": values["email"]}
            )
    language = columns.LANGUAGES.get(columns.normalised(raw.get("language")))
    if language is None:
        errors.append(
            _(
                "The language “%(value)s” is not known: write bg or en (or "
                "български, английски)."
            )
            % {"value": raw.get("language", "")}
            if raw.get("language")
            else _("The language is missing: write bg or en (or български, английски).")
        )
    values["language"] = language or ""
    category = columns.category_of(raw.get("category"))
    if category is None:
        errors.append(
            _(
                "The category “%(value)s” is not known: write official guest, "
                "speaker, partner, participant or press (or официален гост, "
                "говорител, партньор, участник, преса)."
            )
            % {"value": raw.get("category", "")}
        )
    values["category"] = category or ""
    seat = columns.normalised(raw.get("reserved_seat"))
    if seat in columns.YES:
        values["reserved_seat"] = True
    elif seat in columns.NO:
        values["reserved_seat"] = False
    else:
        errors.append(
            _("The reserved seat must be yes or no (да or не), not “%(value)s”.")
            % {"value": raw.get("reserved_seat")}
        )
    if raw.get("precedence"):
        text = raw["precedence"]
        if text.isdigit() and int(text) >= 1:
            values["precedence"] = int(text)
        else:
            errors.append(
                _(
                    "The protocol order must be a whole number of 1 or more, "
                    "not “%(value)s”."
                )
                % {"value": text}
            )
    for name, limit in LIMITS.items():
        value = values.get(name, "")
        if len(value) > limit:
            errors.append(
                _("“%(value)s…” is longer than %(limit)d characters.")
                % {"value": value[:30], "limit": limit}
            )
        try:
            validate_single_line(value)
        except ValidationError as error:
            errors.extend(error.messages)
    return {"values": values, "errors": errors}
