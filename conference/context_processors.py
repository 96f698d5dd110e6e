from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from conference.models import Partner
from conference.selectors import current_event


def _url_in_language(path: str, language: str) -> str:
    translated = translate_url(path, language)
    if translated != path:
        return translated
    # Pages that do not resolve (a 404) still get a link to the same path in the
    # other language, so the visitor is never stranded in the wrong language.
    current = translation.get_language()
    prefix = f"/{current}/"
    if path.startswith(prefix):
        return f"/{language}/{path[len(prefix) :]}"
    return f"/{language}/"


def site_context(request):
    """Values every page needs: the current event and the language alternates."""
    current_language = translation.get_language()
    path = request.get_full_path()
    alternates = [
        {
            "code": code,
            "name": name,
            "url": _url_in_language(path, code),
            "is_current": code == current_language,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "current_event": SimpleLazyObject(lambda: current_event(request)),
        "footer_partners": SimpleLazyObject(lambda: list(Partner.objects.all())),
        "language_alternates": alternates,
    }
