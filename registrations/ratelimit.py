"""A per-IP limit on POST requests, kept in Django's cache.

Every POST counts against a fixed window of REGISTRATION_RATE_WINDOW seconds;
beyond REGISTRATION_RATE_LIMIT the visitor gets the translated 429 page. Behind
the reverse proxy the client's address comes from conference.client_ip, which
trusts only the X-Forwarded-For entries our own proxies add.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from conference.client_ip import client_ip


def is_over_limit(request) -> bool:
    window = settings.REGISTRATION_RATE_WINDOW
    bucket = int(time.time() // window)
    ip_hash = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    key = f"registrations:post-rate:{ip_hash}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count > settings.REGISTRATION_RATE_LIMIT


def limit_post_rate(view):
    """Answer 429 to POSTs from an address over the limit."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and is_over_limit(request):
            response = render(request, "429.html", status=429)
            response["Retry-After"] = str(settings.REGISTRATION_RATE_WINDOW)
            return response
        return view(request, *args, **kwargs)

    return wrapper
