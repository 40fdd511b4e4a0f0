"""The follow-up code a reporter gets at the end of a report: the only key to the case's follow-up
page besides the status page's email code, so that a citizen who gave no contact can still follow it
and say whether it was fixed. A reference alone never opens anything (references are sequential).

The code has 80 random bits in 16 characters without look-alikes (no I/1, O/0), shown in groups of
four. Only its SHA-256 is kept: a plain hash is enough for a random secret of this size, and a leaked
database gives no working link.
"""

import hashlib
import re
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 16
_NOT_CODE = re.compile(r"[\s\-]+")


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(text) -> str | None:
    """The code as typed (any case, spaces or dashes), or None when it cannot be one."""
    raw = _NOT_CODE.sub("", str(text or "")).upper()[: LENGTH + 1]
    if len(raw) != LENGTH or any(c not in ALPHABET for c in raw):
        return None
    return raw


def digest(text) -> str | None:
    raw = normalise(text)
    return hashlib.sha256(raw.encode()).hexdigest() if raw else None
