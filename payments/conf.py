"""Payment settings with their defaults. Keys come from the environment (see `docs/payments.md`).

Without `STRIPE_SECRET_KEY` the site runs in demo payment mode: a local checkout page, no money taken.
"""

import hashlib
import os

from django.conf import settings


def _setting(name, default=None):
    return getattr(settings, name, os.environ.get(name, default))


def secret_key() -> str:
    return _setting("STRIPE_SECRET_KEY", "") or ""


def publishable_key() -> str:
    return _setting("STRIPE_PUBLISHABLE_KEY", "") or ""


def demo_mode() -> bool:
    """No Stripe key: payments go through the local demo checkout."""
    return not secret_key()


def webhook_secret() -> str:
    """Stripe's signing secret, or in demo mode one derived from SECRET_KEY (never a published value)."""
    configured = _setting("STRIPE_WEBHOOK_SECRET", "") or ""
    if configured or not demo_mode():
        return configured
    digest = hashlib.sha256(f"tambon-demo-webhook:{settings.SECRET_KEY}".encode()).hexdigest()
    return f"whsec_demo_{digest[:32]}"


def api_base() -> str:
    """Where the Stripe client sends requests; tests point it at their fake server."""
    return _setting("STRIPE_API_BASE", "") or ""


def api_timeout() -> float:
    return float(_setting("PAYMENTS_STRIPE_TIMEOUT", 20))


def api_retries() -> int:
    """Network retries of one call; Stripe's idempotency keys make them safe."""
    return int(_setting("PAYMENTS_STRIPE_RETRIES", 2))


def webhook_tolerance() -> int:
    return int(_setting("PAYMENTS_WEBHOOK_TOLERANCE", 300))


def session_lifetime_hours() -> int:
    """Checkout sessions still open after this are expired by `sync_payments`."""
    return int(_setting("PAYMENTS_SESSION_LIFETIME_HOURS", 24))


def payment_methods() -> list[str]:
    return list(_setting("PAYMENTS_METHOD_TYPES", ["card", "promptpay"]))
