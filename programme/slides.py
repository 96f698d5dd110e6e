"""Session slides: checking an uploaded PDF and drawing its first page.

`validate_slides` runs as a model-field validator, so the admin refuses a
file that is not a PDF, is encrypted (attendees could not open it), cannot
be parsed, is larger than the limit, carries scripts or launch actions, or
is also a web page, each with its own message (programme/validators.py).

The preview (a PNG of the first page, shown on the agenda and the session
page after the day) is never drawn in a web request: saving slides marks the
preview *pending*, pages say it is being prepared, and the mail worker draws
it (`render_pending_previews`, each loop). It does so in a child process
(programme/preview_renderer.py) that limits its own address space to
RENDER_MEMORY_BYTES and its CPU time to RENDER_CPU_SECONDS, and is killed
after RENDER_TIMEOUT_SECONDS; the picture is at most PREVIEW_WIDTH ×
PREVIEW_HEIGHT pixels whatever the page's shape. A PDF that fails is marked
*failed*: its download link stays, without a picture.
"""

import json
import logging
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from programme.validators import check_pdf

logger = logging.getLogger(__name__)

PREVIEW_WIDTH = 640
PREVIEW_HEIGHT = 1280
RENDER_MEMORY_BYTES = 384 * 1024 * 1024
RENDER_CPU_SECONDS = 20
RENDER_TIMEOUT_SECONDS = 30
RENDERER = Path(__file__).resolve().with_name("preview_renderer.py")
PREVIEW_FIELDS = [
    "slides_preview",
    "slides_preview_width",
    "slides_preview_height",
    "slides_preview_status",
]


class PreviewFailed(Exception):
    pass


def validate_slides(upload) -> None:
    """A readable, unencrypted PDF with pages, within the size limit, with no
    scripts or launch actions and no HTML in it (programme/validators.py)."""
    from pypdf.errors import PdfReadError

    reader = check_pdf(upload, kind="slides")
    try:
        pages = len(reader.pages)
    except (PdfReadError, OSError, ValueError, KeyError, TypeError):
        pages = 0
    if pages == 0:
        raise ValidationError(_("The PDF has no pages."), code="slides_empty")


def render_first_page(pdf_bytes: bytes) -> tuple[bytes, int]:
    """The first page as a PNG within the preview's bounds, and the peak
    memory (bytes) of the process that drew it."""
    command = [
        sys.executable,
        "-I",  # isolated: neither the environment nor the project's path
        str(RENDERER),
        f"memory={RENDER_MEMORY_BYTES}",
        f"cpu={RENDER_CPU_SECONDS}",
        f"width={PREVIEW_WIDTH}",
        f"height={PREVIEW_HEIGHT}",
    ]
    try:
        result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            command,
            input=pdf_bytes,
            capture_output=True,
            timeout=RENDER_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PreviewFailed(f"took over {RENDER_TIMEOUT_SECONDS} s") from None
    lines = result.stderr.decode(errors="replace").strip().splitlines()
    try:
        peak = int(json.loads(lines[-1])["peak_rss"])
    except (IndexError, ValueError, KeyError, TypeError):
        peak = 0
    if result.returncode != 0 or not result.stdout:
        reason = " ".join(lines[:-1])[-300:] or f"exit status {result.returncode}"
        raise PreviewFailed(reason)
    return result.stdout, peak


def create_slides_preview(*, session) -> bool:
    """Draw (or remove) the preview of the session's slides; True if drawn."""
    from programme.models import SlidesPreviewStatus

    if session.slides_preview:
        session.slides_preview.delete(save=False)
    if not session.slides:
        session.slides_preview_status = SlidesPreviewStatus.NONE
        session.save(update_fields=PREVIEW_FIELDS)
        return False
    with session.slides.open("rb") as source:
        pdf_bytes = source.read()
    try:
        png, peak = render_first_page(pdf_bytes)
    except PreviewFailed as error:
        logger.warning("No preview for the slides of %s: %s", session.slug, error)
        session.slides_preview_status = SlidesPreviewStatus.FAILED
        session.save(update_fields=PREVIEW_FIELDS)
        return False
    logger.info("Preview of %s drawn (renderer peak %s MiB)", session.slug, peak >> 20)
    session.slides_preview.save(
        f"{session.slug}-slides.png", ContentFile(png), save=False
    )
    session.slides_preview_status = SlidesPreviewStatus.READY
    session.save(update_fields=PREVIEW_FIELDS)
    return True


def render_pending_previews(*, limit: int = 5) -> int:
    """Draw the previews still pending (the mail worker's loop); how many."""
    from programme.models import Session, SlidesPreviewStatus

    drawn = 0
    pending = Session.objects.filter(
        slides_preview_status=SlidesPreviewStatus.PENDING
    ).order_by("pk")[:limit]
    for session in pending:
        drawn += create_slides_preview(session=session)
    return drawn
