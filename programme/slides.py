"""Session slides: checking an uploaded PDF and drawing its first page.

`validate_slides` runs as a model-field validator, so the admin refuses a
file that is not a PDF, is encrypted (attendees could not open it), cannot
be parsed, or is larger than the limit, each with its own message. The
preview (a PNG of the first page, shown on the agenda and the session page
after the day) is drawn with PDFium after the upload is saved.
"""

import io
import logging

import pypdfium2
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from programme.validators import validate_document

logger = logging.getLogger(__name__)

PREVIEW_WIDTH = 640
PREVIEW_FIELDS = ["slides_preview", "slides_preview_width", "slides_preview_height"]


def validate_slides(upload) -> None:
    validate_document(upload)  # a real PDF header, within the size limit
    upload.seek(0)
    try:
        reader = PdfReader(io.BytesIO(upload.read()))
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as error:
        logger.info("Slides refused, unreadable PDF: %r", error)
        raise ValidationError(
            _("The PDF is damaged and cannot be read. Please upload another file."),
            code="slides_damaged",
        ) from None
    finally:
        upload.seek(0)
    if encrypted:
        raise ValidationError(
            _(
                "The PDF is protected with a password or encrypted. Please upload "
                "a version that opens without one."
            ),
            code="slides_encrypted",
        )
    if pages == 0:
        raise ValidationError(_("The PDF has no pages."), code="slides_empty")


def render_first_page(pdf_bytes: bytes, *, width: int = PREVIEW_WIDTH) -> bytes:
    """The first page as a PNG `width` pixels wide."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        page = document[0]
        scale = width / page.get_width()
        image = page.render(scale=scale).to_pil()
        page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def create_slides_preview(*, session) -> bool:
    """Draw (or remove) the preview of the session's slides; True if drawn."""
    if session.slides_preview:
        session.slides_preview.delete(save=False)
    if not session.slides:
        session.save(update_fields=PREVIEW_FIELDS)
        return False
    with session.slides.open("rb") as source:
        png = render_first_page(source.read())
    session.slides_preview.save(
        f"{session.slug}-slides.png", ContentFile(png), save=False
    )
    session.save(update_fields=PREVIEW_FIELDS)
    return True
