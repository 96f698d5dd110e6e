from django import forms
from django.db import models

from conference.images import sanitise_image
from conference.svg import sanitise_svg


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


class LogoFormField(forms.FileField):
    """A logo: an SVG, stripped to safe drawing elements, or a re-encoded picture."""

    def to_python(self, data):
        data = super().to_python(data)
        if data is None:
            return None
        if (data.name or "").lower().endswith(".svg"):
            return sanitise_svg(data)
        return sanitise_image(data)


class LogoField(models.FileField):
    """Partner logos: SVG or PNG (JPEG and WebP too), always checked."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": LogoFormField, **kwargs})
