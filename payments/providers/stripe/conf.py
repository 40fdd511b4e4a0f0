"""Stripe's settings with their defaults: keys from the environment (see `docs/payments.md`).

Without `STRIPE_SECRET_KEY` Stripe cannot be enabled; the demo checkout stands in for it where
`PAYMENTS_DEMO` allows (development by default; production only when set on purpose).
"""

import hashlib

from django.conf import settings

from payments.conf import setting


def secret_key() -> str:
    return setting("STRIPE_SECRET_KEY", "") or ""


def publishable_key() -> str:
    return setting("STRIPE_PUBLISHABLE_KEY", "") or ""


def configured() -> bool:
    return bool(secret_key())


def demo_allowed() -> bool:
    """`PAYMENTS_DEMO`: on in development settings, off in production unless set to true on purpose."""
    value = setting("PAYMENTS_DEMO", False)
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


def demo_available() -> bool:
    """The demo checkout can be offered: allowed, and Stripe has no keys (a real site never shows a
    checkout that takes no money)."""
    return demo_allowed() and not configured()


def webhook_secret() -> str:
    """Stripe's signing secret for `/payments/stripe/webhook/`."""
    return setting("STRIPE_WEBHOOK_SECRET", "") or ""


def demo_webhook_secret() -> str:
    """What the demo checkout signs its events with: derived from SECRET_KEY, never a published value."""
    digest = hashlib.sha256(f"tambon-demo-webhook:{settings.SECRET_KEY}".encode()).hexdigest()
    return f"whsec_demo_{digest[:32]}"


def api_base() -> str:
    """Where the Stripe client sends requests; tests point it at their fake server."""
    return setting("STRIPE_API_BASE", "") or ""


def api_timeout() -> float:
    return float(setting("PAYMENTS_STRIPE_TIMEOUT", 20))


def api_retries() -> int:
    """Network retries of one call; Stripe's idempotency keys make them safe."""
    return int(setting("PAYMENTS_STRIPE_RETRIES", 2))


def webhook_tolerance() -> int:
    return int(setting("PAYMENTS_WEBHOOK_TOLERANCE", 300))


def payment_methods() -> list[str]:
    return list(setting("PAYMENTS_METHOD_TYPES", ["card", "promptpay"]))
