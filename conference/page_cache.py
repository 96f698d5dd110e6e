"""Per-language cache of whole public pages.

A page is cached under a key made of the language, the host and the full path,
so Bulgarian and English never share an entry, together with the content
version it was rendered at. Saving or deleting any content bumps the content
version (`bump_content_version`, connected in ConferenceConfig.ready), which
makes every cached page stale at once.

Two levels keep a hit cheap and the fleet consistent:

- the shared cache (Redis in production) holds the content version and every
  rendered page, so a page is rendered once per version for all servers;
- each process keeps the pages it served in local memory, and re-reads the
  shared version at most every PAGE_CACHE_VERSION_CHECK_SECONDS (1 s), so a
  hit needs no network round trip. The process that saves content sees the
  change at once; other servers within that second.

Entries also expire after PUBLIC_PAGE_CACHE_SECONDS, because some of what a
page shows follows the clock (the session running now), and never outlive
the event's phase (conference.phases): an entry rendered before the doors
open carries that moment as its end, and is not served from then on, even by
a process whose clock reaches the boundary before the cache's own timeout.
Pages with a form, a CSRF token, a pending message or personal data are
never cached.
"""

import hashlib
import math
import time
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone, translation
from django.utils.cache import set_response_etag

from conference.models import Event
from conference.selectors import rendered_event

VERSION_KEY = "public-pages:version"
CONTENT_APPS = {"conference", "programme", "archive"}

_local_pages = LocMemCache("public-pages", {"OPTIONS": {"MAX_ENTRIES": 2000}})
_version_seen = {"value": None, "at": 0.0}


def content_version() -> int:
    now = time.monotonic()
    if (
        _version_seen["value"] is None
        or now - _version_seen["at"] >= settings.PAGE_CACHE_VERSION_CHECK_SECONDS
    ):
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, 1, timeout=None)
            version = cache.get(VERSION_KEY, 1)
        _version_seen.update(value=version, at=now)
    return _version_seen["value"]


def bump_content_version(sender=None, **kwargs) -> None:
    if sender is not None and sender._meta.app_label not in CONTENT_APPS:
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
    _version_seen["value"] = None


def clear_local_pages() -> None:
    """Forget this process's copies (tests start from an empty cache)."""
    _local_pages.clear()
    _version_seen["value"] = None


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


def _phase_ends_at():
    """When the phase of the event the page showed next changes (None: never)."""
    event = rendered_event.get() or Event.objects.current()
    return event.phase().changes_at if event is not None else None


def _lifetime(valid_until) -> int:
    """Seconds an entry may live: the configured expiry, cut at the phase's end."""
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    if valid_until is not None:
        remaining = (valid_until - timezone.now()).total_seconds()
        seconds = min(seconds, max(1, math.ceil(remaining)))
    return seconds


def _cached_response(key: str, version: int):
    now = timezone.now()
    for store in (_local_pages, cache):
        entry = store.get(key)
        if entry is None or entry[0] != version:
            continue
        valid_until = entry[2]
        if valid_until is not None and now >= valid_until:
            return None
        if store is cache:
            _local_pages.set(key, entry, _lifetime(valid_until))
        return entry[1]
    return None


def cache_public_page(view):
    """Serve the view's response from the per-language page cache."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        version = content_version()
        response = _cached_response(key, version)
        if response is not None:
            return response
        rendered_event.set(None)
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            # The ETag is computed once here, not on every hit.
            set_response_etag(response)
            valid_until = _phase_ends_at()
            entry = (version, response, valid_until)
            lifetime = _lifetime(valid_until)
            cache.set(key, entry, lifetime)
            _local_pages.set(key, entry, lifetime)
        return response

    return cached_view
