"""The payer's personal data, declared for `privacy/` (see `privacy/registry.py`).

Amounts, states, dates, receipt numbers and providers' ids are kept (the office's accounts and the
reconciliation report need them); what a provider told us about the payer, and officers' free-text
notes, go. A card processor keeps its own copy, which the office erases there if asked.
"""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from payments.constants import OPEN_REFUND_STATUSES, PaymentStatus
from payments.models import Payment, PaymentLog, ProviderEvent, Refund
from privacy.erasure import scrub

#: Payments in these states are not settled: the money may still move.
UNSETTLED_STATUSES = frozenset({PaymentStatus.PENDING, PaymentStatus.NEEDS_REVIEW})


def unsettled_reason(case) -> str:
    """Why the request's (id `case`) payments must be kept as they are for now, or "" when settled."""
    payments = Payment.objects.filter(submission_id=case)
    waiting = payments.filter(status__in=UNSETTLED_STATUSES).select_related("submission").first()
    if waiting is not None:
        return _("A payment of %(reference)s is “%(state)s”: settle it first.") % {
            "reference": waiting.submission.reference,
            "state": waiting.get_status_display(),
        }
    refund = (
        Refund.objects.filter(payment__in=payments, status__in=OPEN_REFUND_STATUSES)
        .select_related("payment__submission")
        .first()
    )
    if refund is not None:
        return _("A refund of %(reference)s is not finished yet.") % {
            "reference": refund.payment.submission.reference
        }
    return ""


def anonymise_payments(case) -> int:
    """Remove the payer's personal data from the request's (id `case`) payments; returns how many."""
    payments = list(Payment.objects.filter(submission_id=case))
    for payment in payments:
        Payment.objects.filter(pk=payment.pk).update(counter_note="", checkout_url="")
        for line in PaymentLog.objects.filter(payment=payment):
            message = "" if line.actor_id or line.source in ("officer", "citizen") else line.message
            PaymentLog.objects.filter(pk=line.pk).update(message=message, data=scrub(line.data))
        for event in ProviderEvent.objects.filter(payment=payment):
            ProviderEvent.objects.filter(pk=event.pk).update(payload=scrub(event.payload))
    return len(payments)


class Payments:
    name = "payments"
    label = gettext_lazy("Payments")
    noun = "payment(s)"
    order = 20
    template = "payments/privacy/payments.html"
    print_template = "payments/privacy/payments_print.html"

    def _queryset(self):
        return Payment.objects.select_related("submission", "receipt")

    def find(self, person):
        """Payments whose provider's events name the person (a payer paying under another email)."""
        named = ProviderEvent.objects.annotate(text=Cast("payload", TextField())).filter(
            text__icontains=person.key, payment__isnull=False
        )
        return list(self._queryset().filter(pk__in=named.values("payment_id")))

    def cases(self, records):
        return {p.submission_id for p in records}

    def records_of_cases(self, cases):
        return list(self._queryset().filter(submission_id__in=cases))

    def export(self, records):
        return [
            {
                "submission": p.submission.reference,
                "status": p.status,
                "channel": p.channel,
                "method": p.method,
                "amount_baht": p.amount / 100,
                "amount_received_baht": p.amount_received / 100,
                "amount_refunded_baht": p.amount_refunded / 100,
                "created_at": p.created_at,
                "paid_at": p.paid_at,
                "receipt_number": getattr(getattr(p, "receipt", None), "number", None),
            }
            for p in records
        ]

    def refusal(self, case):
        return unsettled_reason(case)

    def anonymise_case(self, case, now):
        return {"payments": anonymise_payments(case)}


PERSONAL_DATA = [Payments()]
