"""Settings of the payments core with their defaults, from Django settings or the environment (see
`docs/payments.md`). Each provider keeps its own settings in its package (`providers/<name>/conf.py`);
what the administrator chooses is in *Settings › Payment settings* (`PaymentSettings`).
"""

import os

from django.conf import settings


def setting(name, default=None):
    """A Django setting, else the environment variable of the same name, else `default`."""
    return getattr(settings, name, os.environ.get(name, default))


def session_lifetime_hours() -> int:
    """Online payments still open after this are expired by `sync_payments` (a provider may keep
    its own, longer lifetime)."""
    return int(setting("PAYMENTS_SESSION_LIFETIME_HOURS", 24))
