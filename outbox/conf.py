"""The outbox's settings, with their defaults (see config/settings/base.py)."""

import datetime

from django.conf import settings

from outbox.constants import RETRY_MINUTES

#: Urgent messages (a code, a resume link, the acknowledgement) jump the worker's queue.
URGENT_PRIORITY = 50

#: A message still waiting this long after it was written is "slower than usual", even untried.
DELAYED_AFTER = datetime.timedelta(minutes=2)


def retry_delays() -> list[datetime.timedelta]:
    """The wait before each new try; the bench shortens them so a run ends in minutes."""
    minutes = getattr(settings, "TAMBON_OUTBOX_RETRY_MINUTES", None) or RETRY_MINUTES
    return [datetime.timedelta(minutes=float(m)) for m in minutes]


def claim_lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "TAMBON_OUTBOX_CLAIM_SECONDS", 600))
