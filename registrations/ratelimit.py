"""A per-address limit on POST requests, counted in the database.

Every POST counts against a fixed window of REGISTRATION_RATE_WINDOW seconds;
beyond REGISTRATION_RATE_LIMIT the visitor gets the translated 429 page.
Behind the reverse proxy the client's address comes from
conference.client_ip, which trusts only the X-Forwarded-For entries our own
proxies add.

The count is one row per (hashed address, window), incremented by a single
INSERT … ON CONFLICT DO UPDATE … RETURNING statement (PostgreSQL and
SQLite alike), so every gunicorn worker on every server counts together and
the limit holds exactly (a factor of 1), with Redis up, down or absent. It
used to live in Django's cache, whose per-process fallback multiplied the
limit by the number of workers while Redis was away (100 of 150 posts
accepted instead of 20 with five workers).

An address over the limit is remembered in the worker's memory until its
window ends, so a flood of POSTs costs the database one statement per
worker, not one per request. Rows of past windows are deleted when a new
window's row is written.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.db import connection
from django.shortcuts import render

from conference.client_ip import client_ip

# Addresses known to be over the limit in the current window, per process.
_blocked: dict[str, int] = {}


def count_post(address_hash: str, bucket: int) -> int:
    """Count one POST for the address in the window; the window's total."""
    from registrations.models import PostRate

    quote = connection.ops.quote_name
    table = quote(PostRate._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({quote('address_hash')}, {quote('bucket')}, "  # noqa: S608 - names from the model
            f"{quote('posts')}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({quote('address_hash')}, {quote('bucket')}) "
            f"DO UPDATE SET {quote('posts')} = {table}.{quote('posts')} + 1 "
            f"RETURNING {quote('posts')}",
            [address_hash, bucket],
        )
        (posts,) = cursor.fetchone()
    if posts == 1:  # the window's first POST from this address
        PostRate.objects.filter(bucket__lt=bucket - 1).delete()
    return posts


def is_over_limit(request) -> bool:
    window = settings.REGISTRATION_RATE_WINDOW
    bucket = int(time.time() // window)
    address_hash = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    if _blocked.get(address_hash) == bucket:
        return True
    if count_post(address_hash, bucket) <= settings.REGISTRATION_RATE_LIMIT:
        return False
    if any(value != bucket for value in _blocked.values()):
        _blocked.clear()  # forget the past windows
    _blocked[address_hash] = bucket
    return True


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
