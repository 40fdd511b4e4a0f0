"""The citizen's QR code page, its printable version and the image itself. Each needs the one-time
code for the request, like every payment page."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from payments import providers
from payments.constants import PaymentStatus
from payments.models import Payment
from payments.providers.promptpay_qr import qr
from payments.providers.promptpay_qr.payload import PayloadError
from payments.receipts import office_name_for
from payments.views import citizen_submission, page_context, render_page, verified_or_redirect

S = PaymentStatus


def _payment(request, reference, payment_id):
    """(submission, payment, None), or (None, None, the response to send instead)."""
    submission = citizen_submission(request, reference)
    response = verified_or_redirect(request, submission, reference)
    if response:
        return None, None, response
    payment = Payment.objects.filter(submission=submission, pk=payment_id, provider="promptpay_qr").first()
    if payment is None:
        raise Http404
    return submission, payment, None


def _context(request, submission, payment):
    provider = providers.get("promptpay_qr", office=submission.office)
    context = page_context(request, submission)
    try:
        code = provider.payload(payment)
    except PayloadError:  # the office removed its biller ID since: the code cannot be shown
        code = ""
    context.update(
        payment=payment,
        provider=provider,
        ref1=provider.ref1(payment),
        ref2=str(payment.pk),
        biller_id=provider.biller_id(),
        office_name=office_name_for(request.LANGUAGE_CODE, submission.office.organisation),
        qr_size=qr.size(code) if code else 0,
        closed=payment.status in (S.EXPIRED, S.FAILED) or not code,
    )
    return context


def qr_page(request, reference, payment_id):
    submission, payment, response = _payment(request, reference, payment_id)
    if response:
        return response
    if payment.status not in (S.PENDING, S.EXPIRED, S.FAILED):
        return redirect("payments_citizen:pay", submission.reference)  # paid, refunded or held: shown there
    return render_page(
        request, "payments/providers/promptpay_qr/qr.html", _context(request, submission, payment)
    )


def qr_print(request, reference, payment_id):
    submission, payment, response = _payment(request, reference, payment_id)
    if response:
        return response
    context = _context(request, submission, payment)
    if payment.status != S.PENDING or context["closed"]:
        return redirect("payments_citizen:promptpay_qr", submission.reference, payment.pk)
    return render_page(request, "payments/providers/promptpay_qr/print.html", context)


def qr_image(request, reference, payment_id):
    submission, payment, response = _payment(request, reference, payment_id)
    if response:
        return response
    if payment.status != S.PENDING:
        raise Http404  # a closed code is not shown, so nobody pays it by mistake
    try:
        image = qr.png(providers.get("promptpay_qr", office=submission.office).payload(payment))
    except PayloadError:
        raise Http404 from None
    answer = HttpResponse(image, content_type="image/png")
    answer["Cache-Control"] = "private, no-store"
    return answer
