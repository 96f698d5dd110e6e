"""Per-language cache of whole public pages.

A cached page is stored under a key made of the language, the host and the
full path, so Bulgarian and English never share an entry, together with the
content version it was rendered at. Saving or deleting any content bumps the
content version (see `bump_content_version`, connected in
ConferenceConfig.ready), which makes every cached page stale at once, on every
server sharing the cache (Redis in production). A hit costs one cache
round trip: the version and the page are fetched together. Entries also
expire after PUBLIC_PAGE_CACHE_SECONDS, because some of what a page shows
depends on the clock (registration deadline, the session running now).

Pages with a form, a CSRF token, messages or personal data are never cached.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.utils import translation
from django.utils.cache import set_response_etag

VERSION_KEY = "public-pages:version"
CONTENT_APPS = {"conference", "programme"}


def bump_content_version(sender=None, **kwargs) -> None:
    if sender is not None and sender._meta.app_label not in CONTENT_APPS:
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _page_key(request) -> str:
    location = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(location.encode()).hexdigest()
    return f"public-pages:{translation.get_language()}:{digest}"


def _cacheable(request) -> bool:
    # A pending flash message is shown on the next page: render that one afresh.
    return (
        request.method in ("GET", "HEAD")
        and CookieStorage.cookie_name not in request.COOKIES
    )


def cache_public_page(view):
    """Serve the view's response from the per-language page cache."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        if version is None:
            version = 1
            cache.add(VERSION_KEY, version, timeout=None)
        cached = found.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            # The ETag is computed once here, not on every hit.
            set_response_etag(response)
            cache.set(key, (version, response), settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    return cached_view
