"""What officers do at the office: payments in cash or by bank transfer at the counter, and assessed
fees. A counter payment has no provider; it gets the same receipts and reports as an online one."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Submission
from payments import checkout
from payments.checkout import PaymentUnavailable
from payments.constants import EventSource, PaymentChannel, PaymentMethod, PaymentStatus
from payments.models import FeeAssessment, Payment
from payments.notifications import record_on_timeline
from payments.transitions import transition


def record_counter_payment(submission, *, amount, method, note_text, officer) -> Payment:
    """A payment in cash or by bank transfer at the office. The submission's open online payments are
    closed with their providers so the citizen cannot pay twice."""
    if method not in (PaymentMethod.CASH, PaymentMethod.TRANSFER):
        raise PaymentUnavailable(_("Choose cash or bank transfer."))
    if amount <= 0:
        raise PaymentUnavailable(_("The amount must be more than zero."))
    with transaction.atomic():
        Submission.objects.select_for_update().filter(pk=submission.pk).first()
        if checkout.settled_payment(submission) is not None:
            raise PaymentUnavailable(_("This fee has already been paid."))
        payment = Payment.objects.create(
            submission=submission,
            channel=PaymentChannel.COUNTER,
            amount=amount,
            description=f"{submission.service_title} ({submission.reference})",
            language=submission.language or "th",
            counter_note=note_text,
            recorded_by=officer,
        )
        transition(
            payment,
            PaymentStatus.PAID,
            source=EventSource.OFFICER,
            actor=officer,
            message=note_text,
            changes={"amount_received": amount, "method": method},
        )
    checkout.close_others(payment, source=EventSource.OFFICER, actor=officer)
    payment.refresh_from_db()
    return payment


def assess_fee(submission, *, amount, note_text, officer) -> FeeAssessment:
    if amount <= 0:
        raise PaymentUnavailable(_("The amount must be more than zero."))
    with transaction.atomic():
        if checkout.settled_payment(submission) is not None:
            raise PaymentUnavailable(_("This fee has already been paid."))
        assessment, _created = FeeAssessment.objects.update_or_create(
            submission=submission,
            defaults={
                "amount": amount,
                "note": note_text,
                "assessed_by": officer,
                "assessed_at": timezone.now(),
            },
        )

    record_on_timeline(
        Payment(submission=assessment.submission),
        "payment",
        actor=officer,
        message=_("Fee set: please pay"),
        data={"amount_satang": amount},
    )
    return assessment
