"""CSV export of registrations for the organisers, recorded in ExportLog.

UTF-8 with a byte order mark, so that Excel opens Cyrillic names correctly;
cells that a spreadsheet would take for a formula are neutralised.
"""

import csv
import io
import re
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from registrations.models import ExportLog, Registration

# Column key → heading. The order here is the order in the file.
EXPORT_COLUMNS = {
    "last_name": _("last name"),
    "first_name": _("first name"),
    "email": _("e-mail"),
    "phone": _("phone"),
    "organisation": _("organisation"),
    "position": _("position"),
    "organisation_type": _("type of organisation"),
    "country": _("country"),
    "language": _("preferred language"),
    "needs_interpretation": _("needs interpretation BG⇄EN"),
    "accessibility_requirements": _("accessibility requirements"),
    "dietary_requirements": _("dietary requirements"),
    "status": _("status"),
    "created_at": _("registered at"),
    "confirmed_at": _("confirmed at"),
    "waitlisted_at": _("put on the waiting list at"),
    "cancelled_at": _("cancelled at"),
    "checked_in_at": _("checked in at"),
}
DEFAULT_COLUMNS = (
    "last_name",
    "first_name",
    "organisation",
    "position",
    "organisation_type",
    "country",
    "status",
)
CHOICE_COLUMNS = {"organisation_type", "language", "status"}
# A formula at the start of the cell, or after a separator a spreadsheet
# may split on (";" in Bulgarian locales, ","), as in ";=HYPERLINK(…)".
FORMULA = re.compile(r"(^|[;,])\s*[=+\-@\t\r]")


def _cell(registration: Registration, column: str) -> str:
    if column in CHOICE_COLUMNS:
        return str(getattr(registration, f"get_{column}_display")())
    value = getattr(registration, column)
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if hasattr(value, "tzinfo"):
        return date_format(timezone.localtime(value), "Y-m-d H:i")
    value = str(value)
    # A name such as "=HYPERLINK(…)" must stay text in Excel.
    return neutralise_formula(value)


def neutralise_formula(value: str) -> str:
    """The cell as text a spreadsheet will never run as a formula."""
    return f"'{value}" if FORMULA.search(value) else value


def registrations_csv(registrations, columns: Sequence[str]) -> tuple[str, int]:
    """The CSV text (with BOM) and its number of data rows."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([str(EXPORT_COLUMNS[column]) for column in columns])
    rows = 0
    for registration in registrations:
        writer.writerow([_cell(registration, column) for column in columns])
        rows += 1
    return buffer.getvalue(), rows


def export_registrations(
    *, registrations, columns: Sequence[str], by, filters: str = ""
) -> tuple[str, ExportLog]:
    """Write the CSV and record who exported how many rows with which columns."""
    unknown = set(columns) - EXPORT_COLUMNS.keys()
    if unknown or not columns:
        raise ValueError(f"Unknown or no columns: {sorted(unknown)}")
    with transaction.atomic():
        text, rows = registrations_csv(registrations, columns)
        log = ExportLog.objects.create(
            exported_by=by, row_count=rows, columns=list(columns), filters=filters[:500]
        )
    return text, log
