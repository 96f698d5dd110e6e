from modeltranslation.translator import TranslationOptions, register

from conference.models import Event, Partner


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "short_title",
        "tagline",
        "description",
        "programme_description",
        "funding_statement",
        "city",
        "venue_name",
        "venue_address",
        "practical_information",
        "data_controller",
        "announced_topics",
        "what_to_bring",
        "invitation_signature",
    )


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "country")
