"""Resized copies (renditions) of speaker photos and result images.

Uploads are checked and re-encoded by conference.images when they are saved.
The admin then calls `services.create_renditions`, which writes each
rendition next to the original under `renditions/<size>/`. A page that finds
a rendition missing (an image added another way, a media folder restored
from backup) creates it on that first request. Renditions are cropped to a
fixed shape and never enlarged; their width and height are computed from the
dimensions stored with the original, so templates can write `width` and
`height` attributes without opening any file.
"""

import io
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile

logger = logging.getLogger(__name__)

SIZES = {
    "portrait": (480, 480),  # speaker page
    "avatar": (160, 160),  # speaker cards and line-ups
    "card": (960, 540),  # result page and social previews
    "thumb": (480, 270),  # result lists
    # Conference photos (archive.Photo), 3:2, for srcset.
    "photo_small": (480, 320),
    "photo_medium": (960, 640),
    "photo_large": (1600, 1067),
}
SAVE_OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 82},
}


@dataclass(frozen=True)
class Rendition:
    url: str
    name: str
    width: int
    height: int


def rendition_name(original_name: str, size: str) -> str:
    path = PurePosixPath(original_name)
    return str(PurePosixPath("renditions", size, *path.parts))


def rendition_dimensions(width: int, height: int, size: str) -> tuple[int, int]:
    """The box of `size`, shrunk (never enlarged) to fit inside the original."""
    box_width, box_height = SIZES[size]
    factor = min(1.0, width / box_width, height / box_height)
    return max(1, round(box_width * factor)), max(1, round(box_height * factor))


def original_dimensions(field_file) -> tuple[int, int] | None:
    field = field_file.field
    width = getattr(field_file.instance, field.width_field or "", None)
    height = getattr(field_file.instance, field.height_field or "", None)
    if not width or not height:
        return None
    return width, height


def get_rendition(field_file, size: str, *, create: bool = True) -> Rendition | None:
    """The rendition of an image field's file, created if it is missing."""
    if not field_file:
        return None
    dimensions = original_dimensions(field_file)
    if dimensions is None:
        return None
    width, height = rendition_dimensions(*dimensions, size)
    name = rendition_name(field_file.name, size)
    storage = field_file.storage
    if create and not storage.exists(name):
        try:
            write_rendition(field_file, size)
        except (OSError, ValueError):
            logger.exception("Could not create the %s rendition of %s", size, name)
            return None
    return Rendition(url=storage.url(name), name=name, width=width, height=height)


def write_rendition(field_file, size: str) -> str:
    from PIL import Image, ImageOps  # only when a rendition is written

    name = rendition_name(field_file.name, size)
    storage = field_file.storage
    with storage.open(field_file.name, "rb") as source, Image.open(source) as image:
        image_format = image.format
        image.load()
        dimensions = rendition_dimensions(image.width, image.height, size)
        resized = ImageOps.fit(image, dimensions, Image.Resampling.LANCZOS)
    if image_format == "JPEG" and resized.mode != "RGB":
        resized = resized.convert("RGB")
    buffer = io.BytesIO()
    resized.save(buffer, image_format, **SAVE_OPTIONS.get(image_format, {}))
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(buffer.getvalue()))
