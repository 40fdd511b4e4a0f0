"""Stripe-shaped events, for the demo checkout (and the tests and the benchmark) to send to our webhook."""

import secrets
import time


def session_object(session, **overrides) -> dict:
    """A `checkout.session` object as Stripe puts it in an event."""
    data = {
        "id": session.session_id if hasattr(session, "session_id") else session.id,
        "object": "checkout.session",
        "amount_total": session.amount_total,
        "currency": session.currency,
        "status": session.status,
        "payment_status": session.payment_status,
        "payment_intent": session.payment_intent or None,
        "metadata": dict(session.metadata),
        "mode": "payment",
        "payment_method_types": ["card", "promptpay"],
        "livemode": False,
    }
    data.update(overrides)
    return data


def event(kind: str, obj: dict, event_id: str | None = None) -> dict:
    return {
        "id": event_id or f"evt_{secrets.token_hex(12)}",
        "object": "event",
        "api_version": "2025-09-30.clover",
        "created": int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "type": kind,
        "data": {"object": obj},
    }
