"""Images must describe themselves: an image is refused where it would be
published until its description is there in every language of the site.

What describes an image depends on the image: a result's image has its own
description (`image_alt`), a photo of the day its text alternative (checked by
archive.models.Photo.clean), a partner's logo the partner's name shown beside
it, and a speaker's photo the speaker's name ("Portrait of …"). Admin forms
mix this in and name the image field, the field that describes it, and the
message; the check runs on the form, so content loaded by the management
commands (which carries no images) is unaffected.
"""

from django.conf import settings
from django.core.exceptions import ValidationError


class DescribedImageFormMixin:
    image_field = "image"
    description_field = "image_alt"
    missing_message = ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get(self.image_field):
            return cleaned
        for code in settings.MODELTRANSLATION_LANGUAGES:
            name = f"{self.description_field}_{code}"
            if name in self.fields and not str(cleaned.get(name) or "").strip():
                self.add_error(
                    name,
                    ValidationError(self.missing_message, code="description_missing"),
                )
        return cleaned
