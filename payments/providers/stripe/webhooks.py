"""Stripe's webhook: verify the signature, record the event once per id, apply it.

Every event received is stored (`ProviderEvent`, provider "stripe", or "demo" for the demo checkout's),
with what was done about it. A repeated delivery only counts a delivery. Handling is database work
only (no calls to Stripe), so it answers fast; emails go out after the commit.
"""

import datetime
import json
import re

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


# Stripe's ids and event types are short printable ASCII; the columns they go to are 255 and 100 long.
EVENT_ID = re.compile(r"[\x21-\x7e]{1,255}")
EVENT_TYPE = re.compile(r"[\x21-\x7e]{1,100}")
LATEST_TIMESTAMP = 10**10  # the year 2286: a larger `created` is not a time
LARGEST_AMOUNT = 2**53  # satang; more fits no column (and no municipal fee)
# The fields of the objects `dispatch` reads, with the JSON types each may have (None: absent or null).
OBJECT_FIELDS = {
    "session": {
        "id": (str,),
        "url": (str, type(None)),
        "status": (str, type(None)),
        "payment_status": (str, type(None)),
        "amount_total": (int, type(None)),
        "currency": (str, type(None)),
        "payment_intent": (str, type(None)),  # an id: events never expand it
        "metadata": (dict, type(None)),
        "created": (int, type(None)),
    },
    "charge": {"payment_intent": (str, type(None)), "amount_refunded": (int, type(None))},
    "refund": {"id": (str, type(None)), "status": (str, type(None)), "failure_reason": (str, type(None))},
}
OBJECT_OF_EVENT = {
    **dict.fromkeys(SESSION_EVENTS, "session"),
    "charge.refunded": "charge",
    "refund.updated": "refund",
    "refund.failed": "refund",
}


def verify(payload: bytes, signature: str, secret: str) -> dict:
    """The event, if it was signed with `secret` and has the shape of a Stripe event; else
    `BadRequest`. The signature is checked first, on the bytes, before anything is parsed."""
    if not secret:
        raise BadRequest("no webhook secret configured")
    try:
        text = payload.decode("utf-8")
        stripe.WebhookSignature.verify_header(text, signature or "", secret, conf.webhook_tolerance())
    except UnicodeDecodeError as error:
        raise BadRequest("not UTF-8") from error
    except stripe.SignatureVerificationError as error:
        raise BadRequest("bad signature") from error
    try:
        event = json.loads(text)
    except ValueError as error:
        raise BadRequest("not JSON") from error
    check_shape(event)
    return event


def check_shape(event) -> None:
    """`BadRequest` unless `event` looks like what Stripe sends: a signed body is trusted to come from
    Stripe, not to be well formed, and what is recorded must fit its columns."""
    if not isinstance(event, dict):
        raise BadRequest("the event is not a JSON object")
    event_id, kind, created = event.get("id"), event.get("type"), event.get("created")
    if not isinstance(event_id, str) or not EVENT_ID.fullmatch(event_id):
        raise BadRequest("the event id is missing or not a Stripe id")
    if not isinstance(kind, str) or not EVENT_TYPE.fullmatch(kind):
        raise BadRequest("the event type is missing or not a Stripe event type")
    if created is not None and (
        isinstance(created, bool) or not isinstance(created, int) or not 0 <= created < LATEST_TIMESTAMP
    ):
        raise BadRequest("created is not a Unix time")
    if event.get("livemode") not in (None, True, False):
        raise BadRequest("livemode is not true or false")
    data = event.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("object"), dict):
        raise BadRequest("data.object is not a JSON object")
    for name, types in OBJECT_FIELDS.get(OBJECT_OF_EVENT.get(kind), {}).items():
        value = data["object"].get(name)
        if (
            not isinstance(value, types)
            or isinstance(value, bool)
            or (isinstance(value, int) and not 0 <= value < LARGEST_AMOUNT)
        ):
            raise BadRequest(f"data.object.{name} has the wrong type")
    if not _storable(event):
        raise BadRequest("the event holds a NUL character or text that is not Unicode")


def _storable(value) -> bool:
    """Whether PostgreSQL's JSON can hold it: no NUL character, no lone surrogate, in any string."""
    if isinstance(value, dict):
        return all(_storable(k) and _storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_storable(item) for item in value)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return "\x00" not in value
    return True


def receive(payload: bytes, signature: str, *, provider_id: str, secret: str, office) -> tuple[int, str]:
    """(HTTP status, short message) for one delivery to `office`'s webhook, signed with its secret."""
    event = verify(payload, signature, secret)
    created = event.get("created")
    return events.receive(
        provider_id,
        event["id"],
        office=office,
        type=event["type"],
        payload=event,
        livemode=event.get("livemode"),
        created=datetime.datetime.fromtimestamp(created, tz=datetime.UTC) if created is not None else None,
    )


def dispatch(event, provider_id, office=None) -> tuple[str, str, Payment | None]:
    """Apply one event. Only `office`'s payments and refunds are looked at: an event sent to one
    office's URL, signed with that office's secret, never touches another office's (its staff know
    their own secret). `office` is None only for events recorded before offices had accounts."""
    kind = event.get("type", "")
    payments = Payment.objects.all() if office is None else Payment.objects.filter(submission__office=office)
    obj = (event.get("data") or {}).get("object") or {}
    event_id = event.get("id", "")
    if kind in SESSION_EVENTS:
        session = CheckoutSession.from_stripe(obj)
        payment = _payment_for_session(session, provider_id, payments)
        if payment is None:
            return EventOutcome.IGNORED, "not one of our checkout sessions", None
        outcome, message = checkout.apply_update(
            payment, to_update(session, kind), source=EventSource.WEBHOOK, event_id=event_id
        )
        return outcome, str(message), payment
    if kind == "charge.refunded":
        payment = payments.filter(
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
            Refund.objects.filter(
                payment__in=payments, provider=provider_id, provider_reference=obj.get("id") or "-"
            )
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


def _payment_for_session(session, provider_id, payments):
    payment = payments.filter(provider=provider_id, provider_reference=session.id).first()
    if payment is not None:
        return payment
    # The session id is stored right after Stripe answers; an event can only beat it by milliseconds.
    payment_id = (session.metadata or {}).get("payment_id")
    if payment_id and str(payment_id).isdigit():
        with transaction.atomic():
            payment = (
                Payment.objects.select_for_update()
                .filter(
                    pk__in=payments.filter(pk=int(payment_id)).values("pk"),
                    provider=provider_id,
                    provider_reference__isnull=True,
                )
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
