"""Slugs made from the title when the organiser leaves them empty."""

from django.utils.translation import gettext_lazy as _

from programme.slugs import slug_for


class SlugFromTitleMixin:
    """The slug is optional: left empty, it is made from the Bulgarian (or
    English) title, transliterated, and made unique (per event for sessions)."""

    slug_sources = ("title_bg", "title_en")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The end of the page’s address. Leave empty to generate it from the "
                "title."
            )

    def slug_taken(self, slug: str) -> bool:
        model = self._meta.model
        return model.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists()

    def fill_slug(self) -> None:
        data = self.cleaned_data
        if "slug" not in self.fields or data.get("slug"):
            return
        texts = [data.get(name) or "" for name in self.slug_sources]
        fallback = self._meta.model._meta.model_name
        data["slug"] = slug_for(*texts, fallback=fallback, taken=self.slug_taken)

    def clean(self):
        cleaned = super().clean()
        self.fill_slug()
        return cleaned
