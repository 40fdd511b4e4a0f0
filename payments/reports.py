"""The reconciliation report: money by day and by service, refunds and what needs review."""

import csv
import datetime
import io

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from payments.constants import PAID_STATUSES, PaymentStatus
from payments.models import Payment, Refund
from payments.money import format_amount


def period(start=None, end=None):
    today = timezone.localdate()
    end = end or today
    start = start or end - datetime.timedelta(days=30)
    return start, end


def _paid_in(payments, start, end):
    tz = timezone.get_current_timezone()
    low = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    high = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return payments.filter(status__in=PAID_STATUSES, paid_at__gte=low, paid_at__lt=high), low, high


def build(start=None, end=None, *, submissions) -> dict:
    """The report of the payments of `submissions` (what the member of staff may see,
    `payments.scope.visible_submissions`)."""
    start, end = period(start, end)
    payments = Payment.objects.filter(submission__in=submissions)
    paid, low, high = _paid_in(payments, start, end)
    sums = {"count": Count("pk"), "received": Sum("amount_received"), "refunded": Sum("amount_refunded")}
    by_day = list(paid.annotate(day=TruncDate("paid_at")).values("day").annotate(**sums).order_by("day"))
    by_service = list(
        paid.values("submission__service_title", "channel", "provider", "method")
        .annotate(**sums)
        .order_by("submission__service_title", "channel", "provider", "method")
    )
    totals = paid.aggregate(**sums)
    for row in [*by_day, *by_service, totals]:
        row["received"] = row["received"] or 0
        row["refunded"] = row["refunded"] or 0
        row["net"] = row["received"] - row["refunded"]
    refunds = Refund.objects.filter(
        payment__in=payments, requested_at__gte=low, requested_at__lt=high
    ).select_related("payment__submission")
    flagged = payments.filter(Q(status=PaymentStatus.NEEDS_REVIEW)).select_related("submission")
    return {
        "start": start,
        "end": end,
        "by_day": by_day,
        "by_service": by_service,
        "totals": totals,
        "refunds": list(refunds),
        "flagged": list(flagged),
        "payments": paid.select_related("submission", "receipt").order_by("paid_at", "pk"),
    }


def to_csv(report) -> str:
    """One line per payment received in the period, with its receipt number, for the accounts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "paid_at",
            "receipt",
            "reference",
            "service",
            "channel",
            "provider",
            "method",
            "status",
            "received_thb",
            "refunded_thb",
            "net_thb",
            "provider_reference",
        ]
    )
    for payment in report["payments"]:
        receipt = getattr(payment, "receipt", None)
        writer.writerow(
            [
                timezone.localtime(payment.paid_at).isoformat(timespec="seconds"),
                receipt.number if receipt else "",
                payment.submission.reference,
                payment.submission.service_title,
                payment.channel,
                payment.provider,
                payment.method,
                payment.status,
                format_amount(payment.amount_received).replace(",", ""),
                format_amount(payment.amount_refunded).replace(",", ""),
                format_amount(payment.amount_received - payment.amount_refunded).replace(",", ""),
                payment.provider_payment_reference or payment.provider_reference or "",
            ]
        )
    for payment in report["flagged"]:
        writer.writerow(
            [
                "",
                "",
                payment.submission.reference,
                payment.submission.service_title,
                payment.channel,
                payment.provider,
                payment.method,
                payment.status,
                format_amount(payment.amount_received).replace(",", ""),
                "",
                "",
                payment.review_reason,
            ]
        )
    return buffer.getvalue()
