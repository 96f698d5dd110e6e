"""Certificates, feedback and the follow-up after the event."""

from archive.models import Certificate, Feedback
from registrations.models import (
    EmailKind,
)
from tests.rules_doors.cell import emails_of, run_command, text_of


def _has_certificate(cell):
    return Certificate.objects.filter(registration_id=cell.registration.pk).exists()


def certificate_link(cell):
    if cell.manage is None:
        return False, None
    response = cell.anonymous.get(cell.manage + "certificate.pdf")
    said = "" if response["Content-Type"] == "application/pdf" else text_of(response)
    return _has_certificate(cell), said


def certificates_admin(cell):
    url = f"/{cell.language}/admin/archive/aftereventrecord/certificates/"
    response = cell.organiser.post(url)
    return _has_certificate(cell), text_of(response)


def certificates_command(cell):
    said = run_command("issue_certificates")
    return _has_certificate(cell), said


def follow_up_admin(cell):
    url = f"/{cell.language}/admin/archive/aftereventrecord/follow-up/"
    response = cell.organiser.post(url)
    return emails_of(cell, EmailKind.FOLLOW_UP) > 0, text_of(response)


def follow_up_command(cell):
    said = run_command("send_follow_up")
    return emails_of(cell, EmailKind.FOLLOW_UP) > 0, said


def feedback_form(cell):
    if cell.manage is None:
        return False, None
    response = cell.anonymous.post(cell.manage + "feedback/", {"rating": "4"})
    done = Feedback.objects.filter(registration_id=cell.registration.pk).exists()
    return done, text_of(response)
