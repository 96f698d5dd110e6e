from modeltranslation.translator import TranslationOptions, register

from programme.models import Project, Result, Room, Session, Speaker


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name", "accessibility")


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
