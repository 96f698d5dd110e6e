"""Importing the guest list from an Excel workbook or a CSV file, in two steps.

1. `read_guest_list` reads the file and checks every row against the rules
   and the list as it is, saving nothing: the preview, with a translated
   message for each row that cannot be imported.
2. `import_guests` saves the rows of a preview without errors, all in one
   transaction: every guest, or (if anything goes wrong, such as someone
   adding one of the addresses meanwhile) none.

Between the two the rows travel in the preview page's form, signed
(`preview_payload`/`rows_from_payload`), so nothing of the file is stored
before the organiser confirms.

Files: `.xlsx` (the first sheet) or `.csv` — UTF-8 with or without a
byte-order mark, UTF-16, or Windows-1251 (what Excel with Bulgarian regional
settings writes as “CSV (comma delimited)”), separated by “;” (Bulgarian
Excel), “,” or tabs. The first row names the columns (import_columns.py).
"""

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from invitations import import_columns as columns
from invitations.exceptions import InvitationError
from invitations.import_rows import check_row
from invitations.models import Guest, GuestCategory
from registrations.forms import LANGUAGE_NAMES

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
PAYLOAD_SALT = "invitations.imports"
PAYLOAD_MAX_AGE = 2 * 60 * 60  # seconds: a preview is confirmed the same day
EXAMPLE_HEADER = "Име; Длъжност; Институция; Имейл; Език; Категория; Запазено място"


class GuestImportConflict(InvitationError):
    """The list changed between the preview and the import."""

    def __init__(self, emails: list[str]):
        super().__init__(", ".join(emails))
        self.emails = emails


@dataclass
class GuestRow:
    number: int  # as the spreadsheet numbers it: the header is row 1
    values: dict[str, Any]
    errors: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        first, last = self.values.get("first_name", ""), self.values.get("last_name")
        return f"{first} {last or ''}".strip()

    @property
    def institution(self) -> str:
        return self.values.get("institution_bg") or self.values.get(
            "institution_en", ""
        )

    @property
    def language_label(self) -> str:
        return str(LANGUAGE_NAMES.get(self.values.get("language"), ""))

    @property
    def category_label(self) -> str:
        category = self.values.get("category")
        return str(GuestCategory(category).label) if category else ""


@dataclass
class GuestListPreview:
    rows: list[GuestRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def rows_with_errors(self) -> list[GuestRow]:
        return [row for row in self.rows if row.errors]

    @property
    def can_import(self) -> bool:
        return bool(self.rows) and not self.errors and not self.rows_with_errors


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251")


def _csv_rows(data: bytes) -> list[list[str]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _table(name: str, data: bytes) -> list[list[str]]:
    """The file's rows as text, empty rows left out. Raises ValueError when
    the file cannot be read."""
    if data[:2] == b"PK" or name.lower().endswith((".xlsx", ".xlsm")):
        try:
            rows = _xlsx_rows(data)
        except Exception as error:  # any way a workbook can be broken
            raise ValueError("unreadable workbook") from error
    else:
        try:
            rows = _csv_rows(data)
        except (UnicodeDecodeError, csv.Error) as error:
            raise ValueError("unreadable CSV") from error
    table = [[_text(value) for value in row] for row in rows]
    return [row for row in table if any(row)]


def _header_columns(header: list[str]) -> tuple[dict[int, str], list[str], list[str]]:
    """Index → field; the headers not understood; file-level errors."""
    has_last_name = any(columns.is_last_name_header(text) for text in header)
    mapping, ignored, errors = {}, [], []
    for index, text in enumerate(header):
        column = columns.column_of(text, has_last_name=has_last_name)
        if column is None:
            if text:
                ignored.append(text)
            continue
        if column in mapping.values():
            errors.append(
                _("Two columns are both read as “%(column)s”; keep one of them.")
                % {"column": text}
            )
            continue
        mapping[index] = column
    present = set(mapping.values())
    if {"first_name", "last_name"} <= present:
        present.add("name")
    missing = [column for column in columns.REQUIRED if column not in present]
    if missing:
        errors.append(
            _(
                "The first row of the file must name the columns. These are "
                "missing: %(missing)s. For example: %(example)s."
            )
            % {
                "missing": ", ".join(_column_label(column) for column in missing),
                "example": EXAMPLE_HEADER,
            }
        )
    return mapping, ignored, errors


def _column_label(column: str) -> str:
    return {
        "name": _("name"),
        "email": _("e-mail"),
        "language": _("language"),
        "category": _("category"),
    }[column]


def read_guest_list(*, event, name: str, data: bytes) -> GuestListPreview:
    """Read and check the file; save nothing."""
    preview = GuestListPreview()
    if len(data) > MAX_BYTES:
        preview.errors.append(_("The file is larger than 2 MB."))
        return preview
    try:
        table = _table(name, data)
    except ValueError:
        preview.errors.append(
            _(
                "The file could not be read. Please save it as an Excel workbook "
                "(.xlsx) or as CSV, and upload it again."
            )
        )
        return preview
    if len(table) < 2:
        preview.errors.append(
            _(
                "The file has no guests: a first row naming the columns, then "
                "a row for each guest."
            )
        )
        return preview
    if len(table) - 1 > MAX_ROWS:
        preview.errors.append(
            _("The file has more than %(limit)d guests.") % {"limit": MAX_ROWS}
        )
        return preview
    mapping, preview.ignored_columns, preview.errors = _header_columns(table[0])
    if preview.errors:
        return preview
    on_list = {
        email.lower()
        for email in Guest.objects.for_event(event)
        .present()
        .values_list("email", flat=True)
    }
    seen: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        raw = dict.fromkeys(mapping.values(), "")
        for index, column in mapping.items():
            if index < len(cells):
                raw[column] = cells[index]
        row = GuestRow(number=number, **check_row(raw))
        email = row.values.get("email", "").lower()
        if email and email in on_list:
            row.errors.append(
                _("%(email)s is on the guest list already.") % {"email": email}
            )
        elif email and email in seen:
            row.errors.append(
                _("%(email)s is in row %(row)d too.")
                % {"email": email, "row": seen[email]}
            )
        elif email:
            seen[email] = number
        preview.rows.append(row)
    return preview


def preview_payload(*, event, preview: GuestListPreview) -> str:
    """The rows of a preview without errors, signed, for its form."""
    return signing.dumps(
        {"event": event.pk, "rows": [row.values for row in preview.rows]},
        salt=PAYLOAD_SALT,
        compress=True,
    )


def rows_from_payload(*, event, payload: str) -> list[dict[str, Any]]:
    """The rows a preview page carried; ValueError when it was altered, is
    for another event or too old."""
    try:
        data = signing.loads(payload, salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
    except signing.BadSignature as error:
        raise ValueError("altered or expired preview") from error
    if data.get("event") != event.pk or not data.get("rows"):
        raise ValueError("preview of another event")
    return data["rows"]


def import_guests(*, event, rows: list[dict[str, Any]]) -> list[Guest]:
    """Add every row to the guest list, in one transaction, or none.

    Raises GuestImportConflict, adding nobody, when an address is on the
    list already (added while the organiser looked at the preview)."""
    emails = [row["email"] for row in rows]
    with transaction.atomic():
        taken = sorted(
            {
                email
                for email in emails
                if Guest.objects.for_event(event).present().with_email(email).exists()
            }
        )
        if taken:
            raise GuestImportConflict(taken)
        try:
            with transaction.atomic():
                return [Guest.objects.create(event=event, **row) for row in rows]
        except IntegrityError as error:
            raise GuestImportConflict(emails) from error
