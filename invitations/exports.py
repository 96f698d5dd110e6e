"""The guest list as a table (conference.spreadsheets), downloaded as Excel
or CSV and recorded in the registrations' log of exports, like every export
of personal data."""

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from conference.spreadsheets import Table
from registrations.models import ExportLog

# Column → heading, in the order of the file.
COLUMNS = {
    "precedence": _("protocol order"),
    "last_name": _("last name"),
    "first_name": _("first name"),
    "position_bg": _("position (Bulgarian)"),
    "position_en": _("position (English)"),
    "institution_bg": _("institution (Bulgarian)"),
    "institution_en": _("institution (English)"),
    "email": _("e-mail"),
    "language": _("language of the invitation"),
    "category": _("category"),
    "reserved_seat": _("seat in the front rows"),
    "status": _("invitation"),
    "invited_at": _("invited at"),
    "answered_at": _("answered at"),
    "delegate_name": _("delegate’s name"),
    "delegate_email": _("delegate’s e-mail"),
    "needs_interpretation": _("needs interpretation BG⇄EN"),
    "accessibility_requirements": _("accessibility needs"),
    "dietary_requirements": _("dietary requirements"),
}
CHOICE_COLUMNS = {"language", "category", "status"}
# What ExportLog.filters says of an export of the guest list.
GUEST_LIST = "guest list"


def _value(guest, column: str):
    if column in CHOICE_COLUMNS:
        return str(getattr(guest, f"get_{column}_display")())
    return getattr(guest, column)


def guests_table(guests) -> Table:
    """The guests in protocol order, headings and choices in the admin's
    language; dates stay dates."""
    return Table(
        header=[str(heading) for heading in COLUMNS.values()],
        rows=[
            [_value(guest, column) for column in COLUMNS]
            for guest in guests.present().in_protocol_order()
        ],
        sheet_title=gettext("Guest list"),
    )


def export_guests(*, guests, by) -> tuple[Table, ExportLog]:
    with transaction.atomic():
        table = guests_table(guests)
        log = ExportLog.objects.create(
            exported_by=by,
            row_count=len(table.rows),
            columns=list(COLUMNS),
            filters=GUEST_LIST,
        )
    return table, log
