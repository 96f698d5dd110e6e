"""Seeing personal data, exporting them and erasing them."""

from registrations.models import (
    ExportLog,
)
from tests.rules_doors.cell import run_command, text_of


def manage_page(cell):
    if cell.manage is None:
        return False, None
    response = cell.anonymous.get(cell.manage)
    return 'id="stored-heading"' in response.content.decode(), text_of(response)


def desk_search(cell):
    response = cell.desk.get(f"/{cell.language}/check-in/", {"q": "Иванова"})
    return 'class="desk-found"' in response.content.decode(), text_of(response)


def sign_in_sheet(cell):
    response = cell.desk.get(f"/{cell.language}/desk/sign-in-sheet/")
    return '<table class="sheet">' in response.content.decode(), text_of(response)


def export_admin(cell):
    url = f"/{cell.language}/admin/registrations/registration/export/"
    response = cell.organiser.post(
        url, {"columns": ["last_name", "status"], "format": "csv"}
    )
    log = ExportLog.objects.first()
    return log is not None and log.row_count == 1, text_of(response)


def check_in_list(cell):
    response = cell.organiser.get(f"/{cell.language}/desk/check-in-list.csv")
    return ExportLog.objects.exists(), text_of(response)


def anonymise_command(cell):
    run_command("anonymise_registrations")
    fresh = cell.fresh()
    return cell.registration.anonymised_at is None and bool(fresh.anonymised_at), None
