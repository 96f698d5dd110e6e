"""Tables the organisers download, as CSV or as an Excel workbook (XLSX).

A table is a header row and rows of plain Python values (text, numbers,
booleans, dates, date-times, None). Both formats are written from the same
table, so they always hold the same columns:

- CSV: UTF-8 with a byte-order mark, so Excel opens Cyrillic intact; the
  separator is ";" when the file is asked for in Bulgarian (the list separator
  of Excel with Bulgarian regional settings, which uses the decimal comma) and
  "," in English. Date-times are written in the event's time zone.
- XLSX: a real workbook (openpyxl); dates and date-times are cells Excel
  knows as dates, in the event's time zone (Excel has no time zones, so they
  are stored naive, with a date format), the header row bold and frozen.

A text cell that a spreadsheet would run as a formula (“=HYPERLINK(…)” typed
as someone's organisation) stays text in both: in CSV it gets a leading
apostrophe, in XLSX it is stored as a string cell with the “quote prefix”
Excel itself sets for text typed after an apostrophe.
"""

import csv
import datetime
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext

# A formula at the start of the cell, or after a separator a spreadsheet
# may split on (";" in Bulgarian locales, ","), as in ";=HYPERLINK(…)".
FORMULA = re.compile(r"(^|[;,])\s*[=+\-@\t\r]")
# What makes Excel read a typed or stored string as a formula.
XLSX_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class Table:
    """A header row and the data rows, in plain Python values."""

    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    sheet_title: str = ""


def neutralise_formula(value: str) -> str:
    """The cell as text a spreadsheet will never run as a formula."""
    return f"'{value}" if FORMULA.search(value) else value


def csv_separator(language: str | None = None) -> str:
    """ ";" for a file asked for in Bulgarian, "," otherwise."""
    language = language or translation.get_language() or ""
    return ";" if language.split("-")[0] == "bg" else ","


def local_naive(value: datetime.datetime) -> datetime.datetime:
    """A date-time as the clock in the event's time zone shows it."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None, microsecond=0)


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return local_naive(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return neutralise_formula(str(value))


def csv_text(table: Table, *, language: str | None = None) -> str:
    """The table as CSV text, with the byte-order mark Excel needs."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=csv_separator(language))
    writer.writerow([str(heading) for heading in table.header])
    for row in table.rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return local_naive(value)
    if value is None or isinstance(value, int | float | datetime.date):
        return value
    return str(value)


def xlsx_bytes(table: Table) -> bytes:
    """The table as an Excel workbook of one sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    # Sheet names: at most 31 characters, none of []:*?/\
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", table.sheet_title)[:31] or "Sheet1"
    bold = Font(bold=True)
    widths = [len(str(heading)) for heading in table.header]
    for column, heading in enumerate(table.header, start=1):
        cell = sheet.cell(row=1, column=column)
        _set_text(cell, str(heading))
        cell.font = bold
    for row_number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            value = _xlsx_value(value)
            if isinstance(value, str):
                _set_text(cell, value)
            else:
                cell.value = value
            if isinstance(value, datetime.datetime):
                cell.number_format = DATETIME_FORMAT
                length = len(DATETIME_FORMAT)
            elif isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
                length = len(DATE_FORMAT)
            else:
                length = len(str(value or ""))
            widths[column - 1] = max(widths[column - 1], length)
    sheet.freeze_panes = "A2"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _set_text(cell, value: str) -> None:
    """A string cell, never a formula, whatever it starts with."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if value.startswith(XLSX_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def table_response(table: Table, *, file_format: str, filename: str) -> HttpResponse:
    """The table as a download named `filename` plus the format's extension."""
    if file_format == "xlsx":
        response = HttpResponse(xlsx_bytes(table), content_type=XLSX_TYPE)
    else:
        file_format = "csv"
        response = HttpResponse(csv_text(table), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response
