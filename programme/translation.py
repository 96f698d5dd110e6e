from modeltranslation.translator import TranslationOptions, register

from programme.models import Project, Result, Session, Speaker


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description", "room")


@register(Speaker)
class SpeakerTranslationOptions(TranslationOptions):
    fields = ("name", "position", "organisation", "country", "bio")


@register(Result)
class ResultTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "body",
        "figure_value",
        "figure_label",
        "figure_source",
        "image_alt",
        "chart_rows",
        "chart_unit",
    )


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "description", "period")
