import logging
from urllib.parse import unquote

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware import locale
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import trans_real

from conference.locks import LockTimeout

logger = logging.getLogger(__name__)


class RememberLanguageMiddleware:
    """Remember the language of the last page visited in the language cookie.

    The language switcher is a plain link to the same page under the other
    prefix; this keeps `/` sending the visitor back to the language they chose.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: a restrictive Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}


class RejectUnreadableInputMiddleware:
    """A translated 400 page, with the site's headers, for input Django cannot
    read or the database cannot store, before anything tries to.

    - A form posted in another character set than UTF-8 (our pages always
      post UTF-8): Django refuses to decode it with BadRequest, and its own
      400 handler then reads the form again for its CSRF check and fails, so
      the exception would escape to gunicorn's bare 500.
    - A NUL character in the query string (e.g. in an admin search or
      filter): PostgreSQL cannot store or compare it and would answer 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        content_type = request.META.get("CONTENT_TYPE", "").lower()
        charset = request.content_params.get("charset", "utf-8").strip().lower()
        unreadable_form = (
            content_type.startswith(FORM_TYPES) and charset not in UTF8_NAMES
        )
        if unreadable_form or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            logger.warning("Refused unreadable input on %s", request.path[:100])
            return render(request, "400.html", status=400)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A translated 503 page instead of a traceback when the database is down,
    or when a change waited too long for a row another change held
    (conference.locks.LockTimeout: nothing was changed, try again).

    The page is rendered without touching the database (no context
    processors), and the next request tries the database again, so the site
    recovers by itself when the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LockTimeout):
            logger.warning("Lock timeout on %s", request.path[:100])
            response = HttpResponse(render_to_string("busy.html"), status=503)
            response["Retry-After"] = "5"
            return response
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable: %s", type(exception).__name__)
        body = render_to_string("503.html")
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, except that a visitor whose browser asks for
    neither Bulgarian nor English (de-CH, fr-CH…) gets English, not the
    site's default Bulgarian: English is the language they are likelier to read.
    """

    fallback_language = "en"

    def process_request(self, request):
        super().process_request(request)
        if (
            translation.get_language_from_path(request.path_info) is None
            and not request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            and not accepts_site_language(request.headers.get("Accept-Language", ""))
        ):
            translation.activate(self.fallback_language)
            request.LANGUAGE_CODE = self.fallback_language


def accepts_site_language(header: str) -> bool:
    """True when the header is empty or names one of the site's languages."""
    if not header.strip():
        return True
    site_languages = {code for code, _name in settings.LANGUAGES}
    for language, _quality in trans_real.parse_accept_lang_header(header):
        if language == "*" or language.split("-")[0] in site_languages:
            return True
    return False
