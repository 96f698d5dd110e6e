"""Exports of registrations for the organisers, recorded in ExportLog: the
filtered list (columns of the organiser's choice) and the desk's check-in list.

Both are tables (conference.spreadsheets) downloaded as CSV or XLSX; cells
that a spreadsheet would take for a formula are neutralised there.
"""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from conference.spreadsheets import Table, neutralise_formula
from registrations.models import ExportLog, Registration

__all__ = [
    "DEFAULT_COLUMNS",
    "EXPORT_COLUMNS",
    "check_in_table",
    "export_check_in_list",
    "export_registrations",
    "neutralise_formula",
    "registrations_table",
]

# Column key → heading. The order here is the order in the file.
EXPORT_COLUMNS = {
    "form_of_address": _("form of address"),
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
    "accessibility_requirements": _("accessibility needs"),
    "dietary_requirements": _("dietary requirements"),
    "status": _("status"),
    "created_at": _("registered at"),
    "confirmed_at": _("confirmed at"),
    "waitlisted_at": _("put on the waiting list at"),
    "cancelled_at": _("cancelled at"),
    "checked_in_at": _("checked in at"),
}
DEFAULT_COLUMNS = (
    "form_of_address",
    "last_name",
    "first_name",
    "organisation",
    "position",
    "organisation_type",
    "country",
    "status",
)
CHOICE_COLUMNS = {"form_of_address", "organisation_type", "language", "status"}
CHECK_IN_COLUMNS = (
    "last_name",
    "first_name",
    "organisation",
    "country",
    "checked_in_at",
)
# What ExportLog.filters says of an export of the check-in list.
CHECK_IN_LIST = "check-in list"


def _value(registration: Registration, column: str):
    if column in CHOICE_COLUMNS:
        return str(getattr(registration, f"get_{column}_display")())
    return getattr(registration, column)


def registrations_table(
    registrations, columns: Sequence[str], *, sheet_title: str = ""
) -> Table:
    """The registrations as a table of the chosen columns, in the admin's
    language (headings and choices); dates stay dates."""
    return Table(
        header=[str(EXPORT_COLUMNS[column]) for column in columns],
        rows=[
            [_value(registration, column) for column in columns]
            for registration in registrations
        ],
        sheet_title=sheet_title or gettext("Registrations"),
    )


def export_registrations(
    *, registrations, columns: Sequence[str], by, filters: str = ""
) -> tuple[Table, ExportLog]:
    """The table, and the record of who exported how many rows with which
    columns."""
    unknown = set(columns) - EXPORT_COLUMNS.keys()
    if unknown or not columns:
        raise ValueError(f"Unknown or no columns: {sorted(unknown)}")
    with transaction.atomic():
        table = registrations_table(registrations, columns)
        log = ExportLog.objects.create(
            exported_by=by,
            row_count=len(table.rows),
            columns=list(columns),
            filters=filters[:500],
        )
    return table, log


def check_in_table(attendees) -> Table:
    """The check-in list: confirmed attendees, when each arrived."""
    return registrations_table(
        attendees, CHECK_IN_COLUMNS, sheet_title=gettext("Check-in list")
    )


def export_check_in_list(*, attendees, by) -> tuple[Table, ExportLog]:
    """The check-in list, recorded like every export of personal data."""
    with transaction.atomic():
        table = check_in_table(attendees)
        log = ExportLog.objects.create(
            exported_by=by,
            row_count=len(table.rows),
            columns=list(CHECK_IN_COLUMNS),
            filters=CHECK_IN_LIST,
        )
    return table, log
