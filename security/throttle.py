"""Login throttling per account and per client address, shared by all workers through the cache.

Failures are counted in a fixed window; after the limit further attempts are refused until the
window ends. The window is short (15 minutes), so an attacker can delay an officer, never lock
them out for days.
"""

import hashlib

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

from security import conf
from security.client_address import address_key


def _key(kind: str, value: str) -> str:
    return f"login-failures:{kind}:{hashlib.sha256(value.lower().encode()).hexdigest()[:32]}"


def _keys(request, username: str):
    keys = [(_key("ip", address_key(request)), conf.LOGIN_FAILURES_PER_IP)]
    if username:
        keys.append((_key("user", username), conf.LOGIN_FAILURES_PER_ACCOUNT))
    return keys


def is_throttled(request, username: str) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request, username))


def count(key: str, window: int) -> None:
    """Add one to a counter in the shared cache that starts at the first event and lasts `window` s."""
    if cache.add(key, 1, window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)


def record_failure(request, username: str) -> None:
    for key, _limit in _keys(request, username):
        count(key, conf.LOGIN_FAILURE_WINDOW)


@receiver(user_login_failed, dispatch_uid="tambon-login-failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    record_failure(request, credentials.get("username", ""))


@receiver(user_logged_in, dispatch_uid="tambon-login-succeeded")
def _logged_in(sender, request, user, **kwargs):
    cache.delete(_key("user", user.get_username()))
