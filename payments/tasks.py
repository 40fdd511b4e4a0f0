"""Emails (django-tasks): sent after the transaction that caused them has committed."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


def _context(payment):
    from django.conf import settings

    from payments import receipts

    organisation = receipts._organisation()
    return {
        "payment": payment,
        "submission": payment.submission,
        "organisation": organisation,
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }


@task()
def send_receipt(payment_id: int):
    """The confirmation email with the receipt PDF attached, in the citizen's language."""
    from payments import receipts
    from payments.models import Payment

    payment = Payment.objects.select_related("submission", "receipt").get(pk=payment_id)
    submission = payment.submission
    if not submission.applicant_email:
        return
    language = "en" if payment.language == "en" else "th"
    with translation.override(language):
        context = {**_context(payment), "receipt": payment.receipt}
        from payments.links import payment_page_url

        context["payment_url"] = context["base_url"] + payment_page_url(submission, language)
        subject = render_to_string("payments/email/receipt_subject.txt", context).strip()
        body = render_to_string("payments/email/receipt.txt", context)
    message = EmailMessage(subject, body, None, [submission.applicant_email])
    message.attach(
        receipts.filename(payment.receipt), receipts.render_pdf(payment.receipt), "application/pdf"
    )
    message.send()


@task()
def send_refund_notice(payment_id: int):
    from payments.models import Payment

    payment = Payment.objects.select_related("submission").get(pk=payment_id)
    language = "en" if payment.language == "en" else "th"
    with translation.override(language):
        context = _context(payment)
        from payments import checkout

        provider = checkout.provider_or_none(payment)
        context["refund_note"] = provider.citizen_refund_note(payment) if provider else ""
        subject = render_to_string("payments/email/refund_subject.txt", context).strip()
        body = render_to_string("payments/email/refund.txt", context)
    EmailMessage(subject, body, None, [payment.submission.applicant_email]).send()


@task()
def send_payment_request(submission_id: int, url: str):
    """An officer assessed the fee: ask the citizen to pay."""
    from eforms.models import Submission

    submission = Submission.objects.get(pk=submission_id)
    if not submission.applicant_email:
        return
    with translation.override("en" if submission.language == "en" else "th"):
        from payments import fees

        context = {"submission": submission, "url": url, "fee": fees.fee_for(submission)}
        subject = render_to_string("payments/email/payment_request_subject.txt", context).strip()
        body = render_to_string("payments/email/payment_request.txt", context)
    EmailMessage(subject, body, None, [submission.applicant_email]).send()
