from modeltranslation.translator import TranslationOptions, register

from invitations.models import Guest


@register(Guest)
class GuestTranslationOptions(TranslationOptions):
    # Badges and name cards show both: a bilateral event names its guests in
    # both languages.
    fields = ("position", "institution")
