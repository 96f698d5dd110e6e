"""The certificate of attendance as a PDF, in the attendee's language.

It carries the event's title, date and place, the organisers' names, the
attendee's name and a verification link with its QR code. Built on request
from the database, so nothing personal is stored as a file.

The texts are gathered here; the PDF is drawn from them in a child process
(archive/certificate_renderer.py, drawing in archive/certificate_drawing.py)
that limits its own memory (RENDER_MEMORY_BYTES) and CPU time and is killed
after RENDER_TIMEOUT_SECONDS: fpdf2 and the fonts, the Chinese, Japanese and
Korean one above all (19 MB, about 100 MB to read), never weigh on the web
worker that serves the download.
"""

import json
import logging
import subprocess
import sys
from pathlib import Path

from django.template.defaultfilters import date as format_date
from django.utils import translation
from django.utils.translation import gettext as _

from archive.models import Certificate
from conference.models import Partner, PartnerRole
from conference.site import absolute_url

logger = logging.getLogger(__name__)

RENDERER = Path(__file__).resolve().with_name("certificate_renderer.py")
RENDER_MEMORY_BYTES = 768 * 1024 * 1024
RENDER_CPU_SECONDS = 30
RENDER_TIMEOUT_SECONDS = 60


class CertificateNotDrawn(Exception):
    pass


def verification_url(certificate: Certificate) -> str:
    return absolute_url(certificate.get_absolute_url())


def certificate_texts(certificate: Certificate) -> dict[str, str]:
    registration = certificate.registration
    event = registration.event
    with translation.override(registration.language):
        # Inside the override: the link opens in the attendee's language.
        url = verification_url(certificate)
        organisers = ", ".join(
            partner.name
            for partner in Partner.objects.filter(role=PartnerRole.ORGANISER)
        )
        return {
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
            "url": url,
            "author": organisers or event.title,
        }


def certificate_pdf(certificate: Certificate) -> bytes:
    texts = certificate_texts(certificate)
    try:
        result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [
                sys.executable,
                "-I",
                str(RENDERER),
                f"memory={RENDER_MEMORY_BYTES}",
                f"cpu={RENDER_CPU_SECONDS}",
            ],
            input=json.dumps(texts).encode(),
            capture_output=True,
            timeout=RENDER_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CertificateNotDrawn(f"took over {RENDER_TIMEOUT_SECONDS} s") from None
    if result.returncode != 0 or not result.stdout.startswith(b"%PDF-"):
        logger.error(
            "Certificate %s not drawn: %s",
            certificate.code,
            result.stderr.decode(errors="replace")[-500:],
        )
        raise CertificateNotDrawn(f"exit status {result.returncode}")
    return result.stdout
