from modeltranslation.translator import TranslationOptions, register

from archive.models import DaySummary, Photo


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    fields = ("alt_text", "caption")
    # A text alternative is required in both languages (see Photo.clean).
    required_languages = {"bg": ("alt_text",), "en": ("alt_text",)}


@register(DaySummary)
class DaySummaryTranslationOptions(TranslationOptions):
    fields = ("text",)
