"""Stripe's webhook: verify the signature, record the event once per id, apply it.

Every event received is stored (`StripeEvent`), with what was done about it. A repeated delivery
only counts a delivery. Handling is database work only (no calls to Stripe), so it answers fast;
emails go out after the commit.
"""

import datetime
import json
import logging

import stripe
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from payments import conf, services
from payments.constants import EventOutcome, EventSource
from payments.models import Payment, Refund, StripeEvent
from payments.providers.base import CheckoutSession

logger = logging.getLogger(__name__)

SESSION_EVENTS = frozenset(
    {
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed",
        "checkout.session.expired",
    }
)


class BadRequest(Exception):
    pass


def verify(payload: bytes, signature: str) -> dict:
    """The event, if Stripe (or the demo checkout) signed it with our secret; else `BadRequest`."""
    secret = conf.webhook_secret()
    if not secret:
        raise BadRequest("no webhook secret configured")
    try:
        stripe.Webhook.construct_event(payload, signature or "", secret, tolerance=conf.webhook_tolerance())
    except stripe.SignatureVerificationError as error:
        raise BadRequest("bad signature") from error
    except ValueError as error:
        raise BadRequest("not JSON") from error
    return json.loads(payload)


def receive(payload: bytes, signature: str) -> tuple[int, str]:
    """(HTTP status, short message) for one delivery."""
    event = verify(payload, signature)
    event_id = event.get("id") or ""
    if not event_id:
        raise BadRequest("no event id")
    created = event.get("created")
    record, made = _record(event, created)
    if not made:
        StripeEvent.objects.filter(pk=record.pk).update(deliveries=F("deliveries") + 1)
    try:
        outcome = process(record.pk)
    except Exception as error:  # recorded, and Stripe retries on a 500
        logger.exception("webhook %s failed", event_id)
        StripeEvent.objects.filter(pk=record.pk).update(outcome=EventOutcome.ERROR, message=str(error)[:2000])
        return 500, "error"
    return 200, outcome


def _record(event, created):
    try:
        with transaction.atomic():
            return (
                StripeEvent.objects.create(
                    event_id=event["id"],
                    type=event.get("type", "")[:100],
                    livemode=bool(event.get("livemode")),
                    payload=event,
                    created=datetime.datetime.fromtimestamp(created, tz=datetime.UTC) if created else None,
                ),
                True,
            )
    except IntegrityError:
        return StripeEvent.objects.get(event_id=event["id"]), False


def process(record_pk) -> str:
    """Apply a recorded event, unless it has already been applied (a repeated delivery)."""
    with transaction.atomic():
        record = StripeEvent.objects.select_for_update().get(pk=record_pk)
        if record.processed_at is not None and record.outcome not in (
            EventOutcome.ERROR,
            EventOutcome.DEFERRED,
        ):
            return "duplicate"
        outcome, message, payment = dispatch(record.payload)
        record.outcome = outcome
        record.message = message[:2000]
        record.payment = payment
        record.processed_at = timezone.now()
        record.save(update_fields=["outcome", "message", "payment", "processed_at"])
    return outcome


def dispatch(event) -> tuple[str, str, Payment | None]:
    kind = event.get("type", "")
    obj = (event.get("data") or {}).get("object") or {}
    event_id = event.get("id", "")
    if kind in SESSION_EVENTS:
        session = CheckoutSession.from_stripe(obj)
        payment = _payment_for_session(session)
        if payment is None:
            return EventOutcome.IGNORED, "not one of our checkout sessions", None
        outcome, message = services.apply_session(
            payment, session, source=EventSource.WEBHOOK, event_type=kind, event_id=event_id
        )
        return outcome, str(message), payment
    if kind == "charge.refunded":
        payment = Payment.objects.filter(stripe_payment_intent_id=obj.get("payment_intent") or "-").first()
        if payment is None:
            # The payment's confirmation has not arrived yet: `sync_payments` tries again later.
            return EventOutcome.DEFERRED, "payment not known yet", None
        outcome, message = services.apply_refunded_total(
            payment, int(obj.get("amount_refunded") or 0), source=EventSource.WEBHOOK, event_id=event_id
        )
        return outcome, message, payment
    if kind in ("refund.updated", "refund.failed"):
        refund = (
            Refund.objects.filter(stripe_refund_id=obj.get("id") or "-").select_related("payment").first()
        )
        if refund is None:
            return EventOutcome.IGNORED, "not one of our refunds", None
        status = obj.get("status")
        if status == "succeeded":
            services._refund_succeeded(refund, refund_id=obj.get("id"))
            return EventOutcome.APPLIED, "refund succeeded", refund.payment
        if status in ("failed", "canceled"):
            Refund.objects.filter(pk=refund.pk).exclude(status="succeeded").update(
                status="failed", failure_message=obj.get("failure_reason") or status
            )
            return EventOutcome.FLAGGED, f"refund {status}", refund.payment
        return EventOutcome.IGNORED, f"refund {status}", refund.payment
    return EventOutcome.IGNORED, f"{kind} is not used", None


def _payment_for_session(session):
    payment = Payment.objects.filter(stripe_session_id=session.id).first()
    if payment is not None:
        return payment
    # The session id is stored right after Stripe answers; an event can only beat it by milliseconds.
    payment_id = (session.metadata or {}).get("payment_id")
    if payment_id and str(payment_id).isdigit():
        with transaction.atomic():
            payment = (
                Payment.objects.select_for_update()
                .filter(pk=int(payment_id), stripe_session_id__isnull=True)
                .first()
            )
            if payment is not None:
                payment.stripe_session_id = session.id
                payment.save(update_fields=["stripe_session_id", "updated_at"])
        return payment
    return None


def reprocess_deferred() -> int:
    count = 0
    for pk in StripeEvent.objects.filter(outcome__in=[EventOutcome.DEFERRED, EventOutcome.ERROR]).values_list(
        "pk", flat=True
    ):
        try:
            if process(pk) not in (EventOutcome.DEFERRED, EventOutcome.ERROR):
                count += 1
        except Exception:
            logger.exception("reprocessing event %s failed", pk)
    return count


def signed_payload(event: dict, secret: str | None = None) -> tuple[bytes, str]:
    """(body, Stripe-Signature header) for an event: what the demo checkout and the tests send."""
    payload = json.dumps(event).encode()
    header = stripe.WebhookSignature.generate_signature_header(
        payload.decode(), secret or conf.webhook_secret()
    )
    return payload, header
