"""Checking in at the desk, by link or in the admin, and undoing it."""

from registrations.models import (
    CheckInUndo,
    TokenPurpose,
)
from tests.registrations.conftest import make_token
from tests.rules_doors.cell import admin_action, text_of


def _checked_in_now(cell):
    return cell.fresh().checked_in_at != cell.registration.checked_in_at


def check_in_desk(cell):
    response = cell.desk.post(
        f"/{cell.language}/check-in/", {"registration": cell.registration.pk, "q": ""}
    )
    return _checked_in_now(cell), text_of(response)


def check_in_link(cell):
    if cell.registration.anonymised_at:
        return False, None
    token = make_token(cell.registration, TokenPurpose.CHECK_IN)
    response = cell.desk.post(f"/{cell.language}/check-in/{token}/")
    return _checked_in_now(cell), text_of(response)


def check_in_admin(cell):
    said = admin_action(cell, "check_in_registrations")
    return _checked_in_now(cell), said


def undo_desk(cell):
    response = cell.organiser.post(
        f"/{cell.language}/check-in/",
        {"registration": cell.registration.pk, "reason": "By mistake", "q": ""},
    )
    return CheckInUndo.objects.exists(), text_of(response)


def undo_admin(cell):
    said = admin_action(cell, "undo_check_ins", reason="By mistake")
    return CheckInUndo.objects.exists(), said
