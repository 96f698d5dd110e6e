from modeltranslation.translator import TranslationOptions, register

from registrations.models import Announcement


@register(Announcement)
class AnnouncementTranslationOptions(TranslationOptions):
    fields = ("subject", "body")
    # A message goes to each person in their own language: both are needed.
    required_languages = ("bg", "en")
