"""Tickets: the secret links and QR codes that let a confirmed attendee in.

A ticket is a check-in link carrying a secret token (only its hash is kept),
shown as a QR code in the ticket e-mail and on the printed badge. The e-mails,
the desk's badge page and the admin's badge action all build them here.
"""

import io
import math

from django.db import transaction
from django.urls import reverse

from conference.fonts import advance_em
from conference.site import absolute_url
from registrations.models import RegistrationToken, TokenPurpose


def check_in_url(token: str) -> str:
    return absolute_url(reverse("registrations:check_in", kwargs={"token": token}))


def qr_code_png(url: str) -> bytes:
    """For e-mail: mail programs show PNG, not SVG."""
    import segno  # QR codes: only e-mails and badges need it

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def qr_code_svg_data_uri(url: str) -> str:
    """For printed pages: sharp at any size, and no extra request."""
    import segno

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


# The badge's name: sizes (pt) of the first name, largest first; the last
# name, in capitals, is 14/17 of it (static/css/desk.css, .badge-name-fit-N).
BADGE_NAME_SIZES = (17, 15, 13, 11, 9.5, 8, 7, 6, 5, 4, 3.5, 3, 2.5)
BADGE_NAME_COLUMN_MM = 54  # the badge's 90 mm less its padding and the QR code
BADGE_NAME_HEIGHT_MM = 24  # what the header, organisation and country leave
PT = 25.4 / 72  # mm per point


def badge_name_fit(first_name: str, last_name: str, title: str = "") -> int:
    """The largest name size (an index of BADGE_NAME_SIZES) at which the first
    and the last name each take at most two lines of the badge, and together
    with the form of address (its own line) fit their height: a long name
    shrinks, it never runs into the lines below or the QR code."""
    title_em = advance_em(title, bold=True) if title else 0.0
    first_em = advance_em(first_name, bold=True)
    last_em = advance_em(last_name.upper(), bold=True)
    line = BADGE_NAME_COLUMN_MM * 0.9  # word wrapping wastes some of a line
    for index, size in enumerate(BADGE_NAME_SIZES):
        last_size = size * 14 / 17
        first_lines = math.ceil(first_em * size * PT / line) or 1
        last_lines = math.ceil(last_em * last_size * PT / line) or 1
        title_lines = math.ceil(title_em * size * PT / line)
        lines = first_lines + title_lines
        height = (lines * size + last_lines * last_size) * 1.1 * PT
        if max(first_lines, last_lines) <= 2 and height <= BADGE_NAME_HEIGHT_MM:
            return index
    return len(BADGE_NAME_SIZES) - 1


def badges(registrations) -> list[dict]:
    """Each registration with the QR code of its badge's own check-in link and
    the size its name is printed at."""
    registrations = list(registrations.select_related("event").by_last_name())
    tokens = issue_badge_tokens(registrations=registrations)
    return [
        {
            "registration": registration,
            "qr": qr_code_svg_data_uri(check_in_url(tokens[registration.pk])),
            "name_fit": badge_name_fit(registration.first_name, registration.last_name),
        }
        for registration in registrations
    ]
