from django import forms
from django.db import models

from conference.images import sanitise_image


class SanitisedImageFormField(forms.ImageField):
    """An image upload that is checked and re-encoded before it is saved."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        return super().to_python(sanitise_image(data))


class SanitisedImageField(models.ImageField):
    """An ImageField whose forms (the admin's too) use SanitisedImageFormField."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SanitisedImageFormField, **kwargs})
