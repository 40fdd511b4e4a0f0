"""Messages about payments, through the outbox: the receipt (PDF attached), refunds, and the request
to pay an assessed fee. Each is queued after the change that caused it has committed."""

from django.template.loader import render_to_string
from django.utils import translation

from casework.notices import status_url
from home.site import absolute_url, message_context
from outbox import services as outbox
from payments import checkout, fees, receipts
from payments.links import payment_page_url
from payments.models import Receipt

RECEIPT_ATTACHMENT = "payments.receipt"


def _language(value):
    return "en" if value == "en" else "th"


def _queue(submission, kind, template, language, context, attachments=()):
    with translation.override(language):
        context = {
            "submission": submission,
            "status_url": status_url(submission, language),
            **message_context(page=submission.service),
            **context,
        }
        subject = render_to_string(f"payments/email/{template}_subject.txt", context)
        body = render_to_string(f"payments/email/{template}.txt", context)
    return outbox.queue(
        to=submission.applicant_email,
        subject=subject,
        body=body,
        kind=kind,
        language=language,
        reference=submission.reference,
        submission_id=submission.pk,
        attachments=attachments,
        sender=context["sender"],
    )


def receipt(payment):
    """The confirmation email with the receipt PDF attached, in the citizen's language."""
    language = _language(payment.language)
    submission = payment.submission
    context = {
        "payment": payment,
        "receipt": payment.receipt,
        "payment_url": absolute_url(payment_page_url(submission, language), page=submission.service),
    }
    spec = {"kind": RECEIPT_ATTACHMENT, "receipt": payment.receipt.pk, "language": language}
    return _queue(submission, "receipt", "receipt", language, context, attachments=[spec])


def refund(payment):
    provider = checkout.provider_or_none(payment)
    context = {"payment": payment, "refund_note": provider.citizen_refund_note(payment) if provider else ""}
    return _queue(payment.submission, "refund", "refund", _language(payment.language), context)


def payment_request(submission):
    """An officer assessed the fee: ask the citizen to pay (the link is on the submission's site)."""
    language = _language(submission.language)
    url = absolute_url(payment_page_url(submission, language), page=submission.service)
    context = {"url": url, "fee": fees.fee_for(submission)}
    return _queue(submission, "payment_request", "payment_request", language, context)


def receipt_attachment(spec):
    """outbox attachment maker: the receipt's PDF, made again from the database when the email goes."""
    record = Receipt.objects.select_related("payment__submission").get(pk=spec["receipt"])
    return receipts.filename(record), receipts.render_pdf(record, spec.get("language")), "application/pdf"
