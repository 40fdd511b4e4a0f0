"""Every event a provider sends (a webhook delivery, a line of a bank statement …) is recorded once per
(provider, event id) in `ProviderEvent`, with what was done about it. A repeated delivery only counts a
delivery; an event is applied once, by its provider's `apply_event`, with the record locked. Events
that could not be applied yet (deferred) or failed are retried by `sync_payments`.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from offices.models import Office
from payments import providers
from payments.constants import EventOutcome
from payments.models import ProviderEvent

logger = logging.getLogger(__name__)

#: Outcomes that mean "try again later".
RETRY = (EventOutcome.ERROR, EventOutcome.DEFERRED)


def record(provider_id, event_id, *, type, payload, office, livemode=False, created=None):
    """(record, made): the event's row, made now or found (a repeat). `office` is the office whose
    account it came from: it is applied to that office's payments only."""
    try:
        with transaction.atomic():
            made = ProviderEvent.objects.create(
                provider=provider_id,
                event_id=event_id,
                office=office,
                type=(type or "")[:100],
                livemode=bool(livemode),
                payload=payload,
                created=created,
            )
            return made, True
    except IntegrityError:
        return ProviderEvent.objects.get(provider=provider_id, event_id=event_id), False


def receive(provider_id, event_id, *, type, payload, office, livemode=False, created=None) -> tuple[int, str]:
    """Record one delivery and apply it: (HTTP status, short message). A failure is recorded and
    answered with 500, so the provider delivers it again."""
    row, made = record(
        provider_id, event_id, type=type, payload=payload, office=office, livemode=livemode, created=created
    )
    if not made:
        ProviderEvent.objects.filter(pk=row.pk).update(deliveries=F("deliveries") + 1)
    try:
        outcome = process(row.pk)
    except Exception as error:
        logger.exception("%s event %s failed", provider_id, event_id)
        ProviderEvent.objects.filter(pk=row.pk).update(outcome=EventOutcome.ERROR, message=str(error)[:2000])
        return 500, "error"
    return 200, outcome


def process(record_pk) -> str:
    """Apply a recorded event, unless it has already been applied (a repeated delivery)."""
    with transaction.atomic():
        row = ProviderEvent.objects.select_for_update().get(pk=record_pk)
        if row.processed_at is not None and row.outcome not in RETRY:
            return "duplicate"
        office = Office.objects.select_related("site").get(pk=row.office_id) if row.office_id else None
        outcome, message, payment = providers.get(row.provider, office=office).apply_event(row.payload)
        row.outcome = outcome
        row.message = str(message)[:2000]
        row.payment = payment
        row.processed_at = timezone.now()
        row.save(update_fields=["outcome", "message", "payment", "processed_at"])
    return outcome


def reprocess_deferred() -> int:
    """Retry the events that were deferred or failed; returns how many went through."""
    count = 0
    for pk in ProviderEvent.objects.filter(outcome__in=RETRY).values_list("pk", flat=True):
        try:
            if process(pk) not in RETRY:
                count += 1
        except Exception:
            logger.exception("reprocessing event %s failed", pk)
    return count
