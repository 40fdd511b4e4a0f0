"""Stripe's settings with their defaults, from the environment (see `docs/payments.md`).

Keys are per office (`payments.credentials`): `STRIPE_SECRET_KEY__<CODE>`,
`STRIPE_PUBLISHABLE_KEY__<CODE>`, `STRIPE_WEBHOOK_SECRET__<CODE>`; the default office may use the
installation's `STRIPE_SECRET_KEY` … Without a secret key an office cannot enable Stripe; the demo
checkout stands in for it where `PAYMENTS_DEMO` allows (development by default; production only when
set on purpose).
"""

import hashlib

from django.conf import settings

from payments.conf import setting
from payments.credentials import credential

SECRET_KEY = "STRIPE_SECRET_KEY"
PUBLISHABLE_KEY = "STRIPE_PUBLISHABLE_KEY"
WEBHOOK_SECRET = "STRIPE_WEBHOOK_SECRET"


def secret_key(office) -> str:
    return credential(SECRET_KEY, office)


def publishable_key(office) -> str:
    return credential(PUBLISHABLE_KEY, office)


def configured(office) -> bool:
    return bool(secret_key(office))


def demo_allowed() -> bool:
    """`PAYMENTS_DEMO`: on in development settings, off in production unless set to true on purpose."""
    value = setting("PAYMENTS_DEMO", False)
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


def demo_available(office) -> bool:
    """The demo checkout can be offered to this office: allowed, and the office has no Stripe key (a
    real office never shows a checkout that takes no money)."""
    return office is not None and demo_allowed() and not configured(office)


def webhook_secret(office) -> str:
    """The office's signing secret for `/payments/stripe/webhook/<office code>/`."""
    return credential(WEBHOOK_SECRET, office)


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
