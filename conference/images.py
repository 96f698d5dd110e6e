"""Checking and re-encoding uploaded images.

Django's ImageField only asks Pillow whether a file looks like an image: it
accepts a 12 KiB PNG that declares 10,000 × 10,000 pixels, and keeps EXIF data
(camera, place, time) that may identify a person. Every upload on this site
goes through `sanitise_image`, which checks the real format, the byte size and
the pixel count before decoding, then re-encodes the picture without metadata.
"""

import io
import warnings
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def sanitise_image(upload) -> SimpleUploadedFile:
    """Validate an uploaded image and return a metadata-free re-encoded copy."""
    # Here, not at the top: only uploads need Pillow, not every worker.
    from PIL import Image, ImageOps, UnidentifiedImageError

    if upload.size is not None and upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)s MB. Please upload a smaller file.")
            % {"limit": MAX_IMAGE_BYTES // (1024 * 1024)},
            code="image_too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Reading the header is safe; the pixel limit is checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                image_format = probe.format
                width, height = probe.size
    except Image.DecompressionBombError:
        # Pillow refuses to even open pictures above twice its own limit.
        raise ValidationError(
            _(
                "The image has too many pixels. Please upload a picture of at "
                "most %(limit)s megapixels."
            )
            % {"limit": MAX_IMAGE_PIXELS // 1_000_000},
            code="image_too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(
            _("The file is not an image. Please upload a JPEG, PNG or WebP picture."),
            code="not_an_image",
        ) from None
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Only JPEG, PNG and WebP pictures are accepted."),
            code="image_format",
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _(
                "The image has too many pixels (%(width)s × %(height)s). "
                "Please upload a picture of at most %(limit)s megapixels."
            )
            % {
                "width": width,
                "height": height,
                "limit": MAX_IMAGE_PIXELS // 1_000_000,
            },
            code="image_too_many_pixels",
        )

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.load()
            picture = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("The image is damaged and cannot be read. Please upload another file."),
            code="image_damaged",
        ) from None
    return _encode(picture, image_format, Path(upload.name or "image").stem)


def _encode(picture, image_format: str, stem: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    if image_format == "JPEG":
        picture.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True)
    elif image_format == "WEBP":
        picture.save(buffer, "WEBP", quality=85)
    else:
        if picture.mode not in {"RGB", "RGBA", "L", "LA", "P"}:
            picture = picture.convert("RGBA")
        picture.save(buffer, "PNG", optimize=True)
    return SimpleUploadedFile(
        f"{stem[:80]}{ALLOWED_FORMATS[image_format]}",
        buffer.getvalue(),
        content_type=CONTENT_TYPES[image_format],
    )
