"""The organisers' forms for rooms, speakers, results and projects."""

from django import forms

from programme.forms.slugs import SlugFromTitleMixin
from programme.models import Project, Result, Room, Speaker


class RoomAdminForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["event"]  # and those of the admin's fields

    def _update_errors(self, errors):
        # A name the field refused (too long) is not “no name”: the model's
        # clean() sees it empty. A field says one thing at a time.
        if hasattr(errors, "error_dict"):
            errors = forms.ValidationError(
                {
                    field: messages
                    for field, messages in errors.error_dict.items()
                    if field not in self._errors
                }
            )
        super()._update_errors(errors)


class SpeakerAdminForm(SlugFromTitleMixin, forms.ModelForm):
    slug_sources = ("name_bg", "name_en")

    class Meta:
        model = Speaker
        fields = ["slug"]  # and those of the admin's fieldsets


class ResultAdminForm(SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = Result
        fields = ["slug"]  # and those of the admin's fieldsets


class ProjectAdminForm(SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = Project
        fields = ["slug"]  # and those of the admin's fieldsets
