"""Open311 clients' API keys: made by an office's administrators for their office, shown once, kept as a
SHA-256 (a random key of 192 bits needs no slow hash), looked up by that hash."""

import hashlib
import secrets

from django.utils import timezone

from problems.models import ApiKey

PREFIX = "t311_"


def _digest(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def assign(instance: ApiKey, created_by=None) -> str:
    """Give a new (unsaved) key its secret; returns the plaintext, to show once."""
    plaintext = PREFIX + secrets.token_urlsafe(24)
    instance.prefix = plaintext[: len(PREFIX) + 3]
    instance.key_hash = _digest(plaintext)
    instance.created_by = created_by if getattr(created_by, "is_authenticated", False) else None
    return plaintext


def create(office, name, created_by=None) -> tuple[ApiKey, str]:
    key = ApiKey(office=office, name=name)
    plaintext = assign(key, created_by)
    key.save()
    return key, plaintext


def find(plaintext) -> ApiKey | None:
    """The key in force this plaintext names, or None (unknown, revoked, or not a key at all)."""
    plaintext = str(plaintext or "").strip()
    if not plaintext.startswith(PREFIX) or len(plaintext) > 100:
        return None
    key = ApiKey.objects.filter(key_hash=_digest(plaintext), revoked_at__isnull=True).first()
    if key is not None:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key
