"""Thin views: the citizen's payment pages, whatever the provider. A provider's own pages (its
checkout stand-in, a QR code …) live in its package and use `citizen_submission`,
`verified_or_redirect` and `render_page` from here."""

import logging

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from casework.models import Submission
from casework.references import parse_reference
from offices.lookup import office_for_request
from payments import checkout, fees, receipts
from payments.constants import EventSource, PaymentStatus
from payments.models import Payment
from payments.providers import ProviderError
from security import citizen_verification, limits

logger = logging.getLogger(__name__)


def citizen_submission(request, reference):
    """The request of this site's office that `reference` names, or None (another office's too)."""
    office = office_for_request(request)
    return Submission.objects.select_related("service").by_reference(reference, office=office)


def verified_or_redirect(request, submission, reference):
    """None when this browser proved control of the submission's email; else the redirect to do so.

    A reference that names no submission gets the same redirect, so the page does not tell which
    references exist (they are sequential); the code page then behaves the same for both.
    """
    if parse_reference(reference or "") is None:
        raise Http404
    if submission is not None and citizen_verification.is_verified(request, submission):
        return None
    return HttpResponseRedirect(citizen_verification.verification_url(reference, request.get_full_path()))


def page_context(request, submission):
    fee = fees.fee_for(submission)
    settled = checkout.settled_payment(submission)
    open_payment = checkout.open_payment(submission)
    open_provider = checkout.provider_or_none(open_payment)
    receipt = getattr(settled, "receipt", None) if settled and settled.is_paid else None
    service_page = submission.service.localized if submission.service else None
    offered = checkout.offered_providers(submission.office)
    return {
        "submission": submission,
        "fee": fee,
        "settled": settled,
        "open_payment": open_payment,
        "open_provider": open_provider,
        "receipt": receipt,
        "service_page": service_page,
        "offered": offered,
        "preferred": open_payment.provider if open_payment else (offered[0].id if offered else ""),
        "demo_mode": any(p.is_demo for p in offered),
        "payer": receipts.payer_name(submission),
        "paid_for": receipts.paid_for(submission),
    }


def render_page(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def pay(request, reference):
    """The payment step: the fee and the ways to pay the office offers (one button, or a choice)."""
    submission = citizen_submission(request, reference)
    redirect = verified_or_redirect(request, submission, reference)
    if redirect:
        return redirect
    context = page_context(request, submission)
    if request.method == "GET":
        return render_page(request, "payments/pay.html", context)
    # Per request: a checkout is reused, so 10 an hour is plenty; per address: high enough for a
    # village behind one address (docs/security.md).
    if limits.exceeded(request, "payments-checkout", per_address="60/h", value=reference, per_value="10/h"):
        context["error"] = _("Too many attempts from your connection. Please try again later.")
        return render_page(request, "payments/pay.html", context, status=429)
    offered = context["offered"]
    chosen = request.POST.get("provider") or (offered[0].id if len(offered) == 1 else "")
    provider = next((p for p in offered if p.id == chosen), None)
    if provider is None:
        context["error"] = _("Choose how to pay.")
        return render_page(request, "payments/pay.html", context, status=400)

    def build_urls(payment):
        done = request.build_absolute_uri(reverse("payments_citizen:returned", args=[submission.reference]))
        cancelled = request.build_absolute_uri(
            reverse("payments_citizen:cancelled", args=[submission.reference])
        )
        return f"{done}?payment={payment.pk}", f"{cancelled}?payment={payment.pk}"

    try:
        payment = checkout.start(
            submission, provider=provider, language=translation.get_language(), build_urls=build_urls
        )
    except checkout.PaymentUnavailable as error:
        context["error"] = str(error)
        return render_page(request, "payments/pay.html", context, status=409)
    except ProviderError as error:
        logger.warning("checkout for %s failed: %s", submission.reference, error)
        context["error"] = _(
            "The payment service did not answer. Nothing was charged. Please try again in a minute: "
            "you will not be charged twice."
        )
        return render_page(request, "payments/pay.html", context, status=503)
    return HttpResponseRedirect(payment.checkout_url, status=303)


@never_cache
def returned(request, reference):
    """Back from the provider's page. Shows what the provider confirmed; the redirect alone proves
    nothing, so a payment still pending is checked with the provider here."""
    submission = citizen_submission(request, reference)
    redirect = verified_or_redirect(request, submission, reference)
    if redirect:
        return redirect
    payment_id = request.GET.get("payment", "")
    payment = (
        Payment.objects.filter(submission=submission, pk=int(payment_id)).first()
        if payment_id.isdigit()
        else None
    )
    if payment is not None and payment.status == PaymentStatus.PENDING:
        try:
            checkout.refresh(payment, source=EventSource.RETURN)
        except ProviderError as error:
            logger.warning("could not check payment %s on return: %s", payment.pk, error)
        payment.refresh_from_db()
    context = page_context(request, submission)
    context["payment"] = payment
    return render_page(request, "payments/returned.html", context)


@never_cache
def cancelled(request, reference):
    submission = citizen_submission(request, reference)
    redirect = verified_or_redirect(request, submission, reference)
    if redirect:
        return redirect
    return render_page(request, "payments/cancelled.html", page_context(request, submission))


@never_cache
def receipt(request, reference):
    """The receipt PDF, for the citizen who proved control of the submission's email."""
    submission = citizen_submission(request, reference)
    redirect = verified_or_redirect(request, submission, reference)
    if redirect:
        return redirect
    settled = checkout.settled_payment(submission)
    if settled is None or not hasattr(settled, "receipt"):
        raise Http404
    return receipt_response(settled.receipt, translation.get_language())


def receipt_response(receipt, language):
    pdf = receipts.render_pdf(receipt, "en" if language == "en" else "th")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{receipts.filename(receipt)}"'
    response["Cache-Control"] = "private, no-store"
    return response
