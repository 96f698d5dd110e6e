"""gzip for the HTML anyone may see, never for a response with a secret.

Compressing a page that reflects a secret (a CSRF token, a registration's
secret link, a signed-in organiser's data) beside text an attacker can
inject lets the attacker guess the secret from the compressed length
(BREACH). Only the application knows which responses carry one, so it
compresses here, and the reverse proxy compresses no proxied response
(docs/deployment.md). Static files come compressed from WhiteNoise.
"""

from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

PRIVATE_CACHE_CONTROL = ("private", "no-store", "no-cache")


def carries_secret(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return bool(
        request.META.get("CSRF_COOKIE_USED")
        or any(word in cache_control for word in PRIVATE_CACHE_CONTROL)
        or any(name != settings.LANGUAGE_COOKIE_NAME for name in response.cookies)
    )


def accepts_gzip(request) -> bool:
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


class CompressPublicPagesMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if carries_secret(request, response):
            return response
        return super().process_response(request, response)


def gzipped_copy(response) -> HttpResponse | None:
    """A compressed twin of a public page, made once when the page cache
    stores it, so a hit costs no compression. None when it would not be
    smaller."""
    if response.streaming or response.has_header("Content-Encoding"):
        return None
    body = compress_string(
        response.content, max_random_bytes=GZipMiddleware.max_random_bytes
    )
    if len(body) >= len(response.content):
        return None
    patch_vary_headers(response, ("Accept-Encoding",))
    twin = HttpResponse(body, status=response.status_code)
    for header, value in response.items():
        twin[header] = value
    twin["Content-Encoding"] = "gzip"
    twin["Content-Length"] = str(len(body))
    if (etag := response.get("ETag", "")) and not etag.startswith("W/"):
        twin["ETag"] = f"W/{etag}"
    return twin
