"""Django's Redis cache, made to survive Redis being down.

Redis holds what several application processes must share: rate limits, sign-in throttling, the
one-time-code limits, cached menus and pages. With Django's own backend a stopped Redis turns every
page into a 500. This one catches the connection error, writes one clear log line for the outage,
and carries on with a cache in the process's own memory until Redis answers again (tried again every
few seconds):

- pages are still served (a miss is rendered afresh, as after a restart);
- limits still count, but per process: with 3 workers an address gets at most 3 × its limit. For the
  one-time codes that is 15 instead of 5 an hour per email address — still a small number, and the
  per-code cooldown and wrong-try limits are kept in the database, not here.

Changes made during the outage (a menu edited, a page published) cannot clear what Redis held
before it; those entries end with their own lifetime.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds between tries while Redis is down
# A Redis that hangs must not hang every request: give up on a call quickly.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)

_lock = threading.Lock()
_down_until: dict[str, float] = {}  # per server, shared by the threads of a process


def _label(server: str) -> str:
    """host:port/db, without a password."""
    parts = urlsplit(server)
    return f"{parts.hostname}:{parts.port or 6379}{parts.path or ''}"


class FailSafeRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` with a per-process fallback (see the module)."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self.label = _label(self._servers[0])
        self.fallback = LocMemCache(
            f"failsafe:{self.label}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "OPTIONS": {"MAX_ENTRIES": 10_000},
            },
        )

    @property
    def is_down(self) -> bool:
        return _down_until.get(self.label, 0.0) > time.monotonic()

    def _call(self, name, *args, **kwargs):
        if not self.is_down:
            try:
                result = getattr(RedisCache, name)(self, *args, **kwargs)
            except REDIS_DOWN as error:
                self._went_down(error)
            else:
                if self.label in _down_until:
                    self._came_back()
                return result
        return getattr(self.fallback, name)(*args, **kwargs)

    def _went_down(self, error):
        with _lock:
            first = self.label not in _down_until
            _down_until[self.label] = time.monotonic() + RETRY_AFTER
        if first:
            logger.error(
                "Redis cache at %s cannot be reached (%s): serving without it; rate limits and cached "
                "data are kept in this process's memory until it answers again (tried every %d s).",
                self.label,
                error,
                RETRY_AFTER,
            )

    def _came_back(self):
        with _lock:
            was_down = _down_until.pop(self.label, None) is not None
        if was_down:
            logger.warning("Redis cache at %s answers again: rate limits are shared again.", self.label)


def _delegate(name):
    def method(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"RedisCache.{name}, or this process's memory while Redis is down."
    return method


# Every operation RedisCache implements; BaseCache's others (get_or_set, decr …) are built on these.
for _name in (
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
):
    setattr(FailSafeRedisCache, _name, _delegate(_name))
