"""The certificate of attendance as a PDF, in the attendee's language.

Drawn with fpdf2 and the DejaVu Sans fonts of conference/pdf.py (they
cover Cyrillic; fpdf2's built-in fonts do not). It carries the event's
title, date and place, the organisers' names, the attendee’s name and a
verification link with its QR code. Built on request from the database, so
nothing personal is stored as a file.
"""

import io

import segno
from django.template.defaultfilters import date as format_date
from django.utils import translation
from django.utils.translation import gettext as _

from archive.models import Certificate
from conference.models import Partner, PartnerRole
from conference.pdf import new_pdf
from conference.site import absolute_url

NAVY = (22, 50, 92)
GREY = (74, 85, 102)


def verification_url(certificate: Certificate) -> str:
    return absolute_url(certificate.get_absolute_url())


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    buffer.seek(0)
    return buffer


def certificate_pdf(certificate: Certificate) -> bytes:
    registration = certificate.registration
    event = registration.event
    with translation.override(registration.language):
        # Inside the override: the link opens in the attendee's language.
        url = verification_url(certificate)
        organisers = ", ".join(
            partner.name
            for partner in Partner.objects.filter(role=PartnerRole.ORGANISER)
        )
        texts = {
            "heading": _("Certificate of attendance"),
            "certify": _("This is to certify that"),
            "name": registration.full_name,
            "attended": _("attended"),
            "event": event.title,
            "when": _("on %(date)s at %(venue)s, %(city)s")
            % {
                "date": format_date(event.date, "DATE_FORMAT"),
                "venue": event.venue_name,
                "city": event.city,
            },
            "organisers": _("Organised by %(organisers)s") % {"organisers": organisers}
            if organisers
            else "",
            "verify": _("Check that this certificate is genuine: %(url)s")
            % {"url": url},
            "code": _("Certificate number: %(code)s") % {"code": certificate.code},
        }

    pdf = new_pdf(orientation="L")
    pdf.set_title(texts["heading"])
    pdf.set_author(organisers or event.title)
    pdf.add_page()
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    width = 257

    def line(text, size, *, bold=False, colour=NAVY, gap=4):
        pdf.set_font("DejaVu", "B" if bold else "", size)
        pdf.set_text_color(*colour)
        pdf.set_x(20)
        pdf.multi_cell(width, size * 0.5, text, align="C")
        pdf.ln(gap)

    pdf.set_y(30)
    line(texts["heading"], 30, bold=True, gap=10)
    line(texts["certify"], 14, colour=GREY)
    line(texts["name"], 26, bold=True, gap=6)
    line(texts["attended"], 14, colour=GREY)
    line(texts["event"], 18, bold=True)
    line(texts["when"], 14, colour=GREY, gap=8)
    if texts["organisers"]:
        line(texts["organisers"], 11, colour=GREY)

    pdf.image(_qr_png(url), x=22, y=152, w=36, h=36)
    pdf.set_xy(64, 164)
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(200, 5, texts["verify"] + "\n" + texts["code"])
    return bytes(pdf.output())
