"""Stripe's webhook: verify the signature, record the event once per id, apply it.

Every event received is stored (`ProviderEvent`, provider "stripe", or "demo" for the demo checkout's),
with what was done about it. A repeated delivery only counts a delivery. Handling is database work
only (no calls to Stripe), so it answers fast; emails go out after the commit.
"""

import datetime
import json

import stripe
from django.db import transaction

from payments import checkout, events, refunds
from payments.constants import EventOutcome, EventSource
from payments.models import Payment, Refund
from payments.providers.base import Update
from payments.providers.stripe import conf
from payments.providers.stripe.sessions import SESSION_EVENTS, CheckoutSession, to_update
from payments.refund_transitions import RefundTransitionNotAllowed


class BadRequest(Exception):
    pass


def verify(payload: bytes, signature: str, secret: str) -> dict:
    """The event, if it was signed with `secret`; else `BadRequest`."""
    if not secret:
        raise BadRequest("no webhook secret configured")
    try:
        stripe.Webhook.construct_event(payload, signature or "", secret, tolerance=conf.webhook_tolerance())
    except stripe.SignatureVerificationError as error:
        raise BadRequest("bad signature") from error
    except ValueError as error:
        raise BadRequest("not JSON") from error
    return json.loads(payload)


def receive(payload: bytes, signature: str, *, provider_id: str, secret: str) -> tuple[int, str]:
    """(HTTP status, short message) for one delivery."""
    event = verify(payload, signature, secret)
    event_id = event.get("id") or ""
    if not event_id:
        raise BadRequest("no event id")
    created = event.get("created")
    return events.receive(
        provider_id,
        event_id,
        type=event.get("type", ""),
        payload=event,
        livemode=event.get("livemode"),
        created=datetime.datetime.fromtimestamp(created, tz=datetime.UTC) if created else None,
    )


def dispatch(event, provider_id) -> tuple[str, str, Payment | None]:
    kind = event.get("type", "")
    obj = (event.get("data") or {}).get("object") or {}
    event_id = event.get("id", "")
    if kind in SESSION_EVENTS:
        session = CheckoutSession.from_stripe(obj)
        payment = _payment_for_session(session, provider_id)
        if payment is None:
            return EventOutcome.IGNORED, "not one of our checkout sessions", None
        outcome, message = checkout.apply_update(
            payment, to_update(session, kind), source=EventSource.WEBHOOK, event_id=event_id
        )
        return outcome, str(message), payment
    if kind == "charge.refunded":
        payment = Payment.objects.filter(
            provider=provider_id, provider_payment_reference=obj.get("payment_intent") or "-"
        ).first()
        if payment is None:
            # The payment's confirmation has not arrived yet: `sync_payments` tries again later.
            return EventOutcome.DEFERRED, "payment not known yet", None
        outcome, message = checkout.apply_update(
            payment,
            Update.refunded(int(obj.get("amount_refunded") or 0), kind),
            source=EventSource.WEBHOOK,
            event_id=event_id,
        )
        return outcome, message, payment
    if kind in ("refund.updated", "refund.failed"):
        refund = (
            Refund.objects.filter(provider=provider_id, provider_reference=obj.get("id") or "-")
            .select_related("payment")
            .first()
        )
        if refund is None:
            return EventOutcome.IGNORED, "not one of our refunds", None
        status = obj.get("status")
        try:
            if status == "succeeded":
                refunds.refund_succeeded(refund, reference=obj.get("id"), source=EventSource.WEBHOOK)
                return EventOutcome.APPLIED, "refund succeeded", refund.payment
            if status in ("failed", "canceled"):
                refunds.refund_failed(
                    refund, message=obj.get("failure_reason") or status, source=EventSource.WEBHOOK
                )
                return EventOutcome.FLAGGED, f"refund {status}", refund.payment
        except RefundTransitionNotAllowed as error:
            return EventOutcome.FLAGGED, f"refund {status} while {error.from_status}", refund.payment
        return EventOutcome.IGNORED, f"refund {status}", refund.payment
    return EventOutcome.IGNORED, f"{kind} is not used", None


def _payment_for_session(session, provider_id):
    payment = Payment.objects.filter(provider=provider_id, provider_reference=session.id).first()
    if payment is not None:
        return payment
    # The session id is stored right after Stripe answers; an event can only beat it by milliseconds.
    payment_id = (session.metadata or {}).get("payment_id")
    if payment_id and str(payment_id).isdigit():
        with transaction.atomic():
            payment = (
                Payment.objects.select_for_update()
                .filter(pk=int(payment_id), provider=provider_id, provider_reference__isnull=True)
                .first()
            )
            if payment is not None:
                payment.provider_reference = session.id
                payment.save(update_fields=["provider_reference", "updated_at"])
        return payment
    return None


def signed_payload(event: dict, secret: str) -> tuple[bytes, str]:
    """(body, Stripe-Signature header) for an event: what the demo checkout and the tests send."""
    payload = json.dumps(event).encode()
    header = stripe.WebhookSignature.generate_signature_header(payload.decode(), secret)
    return payload, header
