"""Redis as the shared cache, with per-process memory while Redis is away.

The page cache, the registration rate limit and the content-version check
all use Django's cache. With Redis stopped, hanging or unreachable they must
keep working, only less shared: every operation that fails with a Redis error
(after short socket time-outs, see settings.CACHES) is answered from this
process's own memory instead, with one logged warning, and Redis is left
alone for RETRY_SECONDS before it is tried again. So a Redis outage costs at
most one time-out per process every few seconds, never an error page.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
OPERATIONS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.fallback = LocMemCache(f"redis-fallback-{id(self)}", {})
        self.down_until = 0.0

    def redis_available(self) -> bool:
        """Ask Redis itself (for /healthz), whatever the last operation saw."""
        try:
            return bool(self._cache.get_client(write=False).ping())
        except RedisError:
            return False

    def _run(self, name, *args, **kwargs):
        if time.monotonic() < self.down_until:
            return getattr(self.fallback, name)(*args, **kwargs)
        try:
            return getattr(super(), name)(*args, **kwargs)
        except RedisError as error:
            logger.warning(
                "Redis unavailable (%s); using this process's memory for %s s",
                type(error).__name__,
                RETRY_SECONDS,
            )
            self.down_until = time.monotonic() + RETRY_SECONDS
            return getattr(self.fallback, name)(*args, **kwargs)


def _delegate(name):
    def operation(self, *args, **kwargs):
        return self._run(name, *args, **kwargs)

    operation.__name__ = name
    return operation


for _name in OPERATIONS:
    setattr(ResilientRedisCache, _name, _delegate(_name))
