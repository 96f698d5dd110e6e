"""Tickets: the secret links and QR codes that let a confirmed attendee in.

A ticket is a check-in link carrying a secret token (only its hash is kept),
shown as a QR code in the ticket e-mail and on the printed badge. The e-mails,
the desk's badge page and the admin's badge action all build them here.
"""

import io

import segno
from django.db import transaction
from django.urls import reverse

from conference.site import absolute_url
from registrations.models import RegistrationToken, TokenPurpose


def check_in_url(token: str) -> str:
    return absolute_url(reverse("registrations:check_in", kwargs={"token": token}))


def qr_code_png(url: str) -> bytes:
    """For e-mail: mail programs show PNG, not SVG."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def qr_code_svg_data_uri(url: str) -> str:
    """For printed pages: sharp at any size, and no extra request."""
    return segno.make(url, error="m").svg_data_uri(border=2, dark="#000")


def issue_badge_tokens(*, registrations) -> dict[int, str]:
    """A fresh check-in token per registration, for its printed badge.

    Only hashes are stored, so a badge cannot reuse the ticket's token.
    """
    with transaction.atomic():
        return {
            registration.pk: RegistrationToken.objects.issue(
                registration=registration, purpose=TokenPurpose.CHECK_IN
            )
            for registration in registrations
        }


def badges(registrations) -> list[dict]:
    """Each registration with the QR code of its badge's own check-in link."""
    registrations = list(registrations.select_related("event").by_last_name())
    tokens = issue_badge_tokens(registrations=registrations)
    return [
        {
            "registration": registration,
            "qr": qr_code_svg_data_uri(check_in_url(tokens[registration.pk])),
        }
        for registration in registrations
    ]
