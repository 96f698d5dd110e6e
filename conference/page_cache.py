"""Per-language cache of whole public pages.

A page is cached under a key made of the language, the host and the path,
so Bulgarian and English never share an entry, together with the content
version it was rendered at. Each app declares in its `AppConfig.ready()` which
of its models public pages show (`invalidate_on_change`); saving or deleting
one of them bumps the content version, which makes every cached page stale at
once.

Two levels keep a hit cheap and the fleet consistent:

- the shared cache (Redis in production) holds the content version and every
  rendered page, so a page is rendered once per version for all servers;
- each process keeps the pages it served in local memory, and re-reads the
  shared version at most every PAGE_CACHE_VERSION_CHECK_SECONDS (1 s), so a
  hit needs no network round trip. The process that saves content sees the
  change at once; other servers within that second.

Entries are fresh for PUBLIC_PAGE_CACHE_SECONDS, because some of what a page
shows follows the clock (the session running now), and never outlive the
event's phase (conference.phases): an entry rendered before the doors open
carries that moment as its end, and is not served as fresh from then on, even
by a process whose clock reaches the boundary before the entry's own expiry.
Entries are kept for STALE_SECONDS though: while the database is down, the
last copy of a page is served rather than the 503 page. Pages with a form, a
CSRF token, a pending message or personal data are never cached.

The key is the page's path without its query string: no cached page reads
one, so `?anything` is the same page and must not add an entry (a random
query string per request would otherwise fill the cache).

A page the cache cannot keep (it expired with the clock, a visitor brings a
flash message, the query string differs) is rendered afresh; the fragment
cache (`cached_fragments`) keeps its costly, slow-changing parts, such as one
agenda session as HTML, keyed by the content version, the language and
everything else the fragment shows, in the same two levels.
"""

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation
from django.utils.cache import set_response_etag

from conference.compression import accepts_gzip, gzipped_copy
from conference.models import Event
from conference.selectors import rendered_event

logger = logging.getLogger(__name__)

VERSION_KEY = "public-pages:version"
STALE_SECONDS = 24 * 60 * 60

_local_pages = LocMemCache("public-pages", {"OPTIONS": {"MAX_ENTRIES": 2000}})
_local_fragments = LocMemCache("page-fragments", {"OPTIONS": {"MAX_ENTRIES": 20000}})
# A day: fragments follow the content version, not the clock.
FRAGMENT_SECONDS = 24 * 60 * 60
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
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
    _version_seen["value"] = None


def invalidate_on_change(*models) -> None:
    """Saving or deleting any of these models (or changing their many-to-many
    links, when their auto-created through models are given) makes every cached
    page stale."""
    for model in models:
        for name, signal in [
            ("post_save", post_save),
            ("post_delete", post_delete),
            ("m2m_changed", m2m_changed),
        ]:
            signal.connect(
                bump_content_version,
                sender=model,
                dispatch_uid=f"page_cache.{name}.{model._meta.label}",
            )


def clear_local_pages() -> None:
    """Forget this process's copies (tests start from an empty cache)."""
    _local_pages.clear()
    _local_fragments.clear()
    _version_seen["value"] = None


def _page_key(request) -> str:
    location = f"{request.scheme}://{request.get_host()}{request.path}"
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


def _is_fresh(entry, version: int) -> bool:
    entry_version, stored_at, _response, valid_until = entry
    return (
        entry_version == version
        and time.time() - stored_at < settings.PUBLIC_PAGE_CACHE_SECONDS
        and (valid_until is None or timezone.now() < valid_until)
    )


def _cached_entry(key: str, version: int):
    """(a fresh entry or None, the newest entry found, fresh or stale)."""
    newest = None
    for store in (_local_pages, cache):
        entry = store.get(key)
        if entry is None:
            continue
        if _is_fresh(entry, version):
            if store is cache:
                _local_pages.set(key, entry, STALE_SECONDS)
            return entry, entry
        newest = newest or entry
    return None, newest


def _store(key: str, version: int, response, *, valid_until) -> None:
    # The gzipped twin under its own key, so a hit unpickles only the one it
    # sends (None when compressing would not make it smaller).
    stored_at = time.time()
    entries = {
        key: (version, stored_at, response, valid_until),
        f"{key}:gzip": (version, stored_at, gzipped_copy(response), valid_until),
    }
    cache.set_many(entries, STALE_SECONDS)
    _local_pages.set_many(entries, STALE_SECONDS)


def cache_public_page(view):
    """Serve the view's response from the per-language page cache."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        version = content_version()
        if accepts_gzip(request):
            gzipped, _ = _cached_entry(f"{key}:gzip", version)
            if gzipped is not None and gzipped[2] is not None:
                return gzipped[2]
        fresh, newest = _cached_entry(key, version)
        if fresh is not None:
            return fresh[2]
        rendered_event.set(None)
        try:
            response = view(request, *args, **kwargs)
        except DatabaseError:
            if newest is None:
                raise
            logger.warning("Database unavailable: serving a stale copy of a page")
            return newest[2]
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            # The ETag is computed once here, not on every hit.
            set_response_etag(response)
            _store(key, version, response, valid_until=_phase_ends_at())
        return response

    return cached_view


def cached_fragments(
    names: Iterable[str], render: Callable[[list[str]], dict[str, str]]
) -> dict[str, str]:
    """The fragment for each name, from this process, else the shared cache,
    else `render`, which makes all the missing ones at once (so it can read
    what they need in one query)."""
    prefix = f"fragment:{content_version()}:{translation.get_language()}:"
    keys = {name: prefix + name for name in names}
    found = _local_fragments.get_many(keys.values())
    # A process-local default cache (development) adds nothing to this
    # process's own level, and its few entries would push out the version.
    shared_level = not isinstance(caches["default"], LocMemCache)
    if shared_level and len(found) < len(keys):
        shared = cache.get_many([key for key in keys.values() if key not in found])
        _local_fragments.set_many(shared, FRAGMENT_SECONDS)
        found |= shared
    missing = [name for name, key in keys.items() if key not in found]
    if missing:
        fresh = {keys[name]: html for name, html in render(missing).items()}
        if shared_level:
            cache.set_many(fresh, FRAGMENT_SECONDS)
        _local_fragments.set_many(fresh, FRAGMENT_SECONDS)
        found |= fresh
    return {name: found[key] for name, key in keys.items()}
