"""Changes of state in the programme that are more than saving a form."""

from django.db import transaction

from programme.renditions import SIZES, write_rendition
from programme.slides import create_slides_preview

IMAGE_RENDITIONS = {
    "speaker": ("photo", ("portrait", "avatar")),
    "result": ("image", ("card", "thumb")),
    # archive.Photo: the gallery's responsive sizes.
    "photo": ("image", ("photo_small", "photo_medium", "photo_large")),
}


def create_renditions(*, instance) -> list[str]:
    """Write the resized copies of the instance's image; return their names.

    Called by the admin after a save, once the transaction has committed, so a
    failed save never leaves files behind for a row that does not exist.
    """
    field_name, sizes = IMAGE_RENDITIONS[instance._meta.model_name]
    field_file = getattr(instance, field_name)
    if not field_file:
        return []
    return [write_rendition(field_file, size) for size in sizes if size in SIZES]


def schedule_renditions(*, instance) -> None:
    """Create the renditions when the current transaction commits."""
    transaction.on_commit(lambda: create_renditions(instance=instance))


def schedule_slides_preview(*, session) -> None:
    """Draw the first page of the session's slides once the save commits."""
    transaction.on_commit(lambda: create_slides_preview(session=session))
