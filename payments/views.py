"""Thin views: the citizen's payment pages, the demo checkout, and Stripe's webhook."""

import logging
import secrets

from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from payments import conf, events, fees, receipts, services, webhooks
from payments.constants import PaymentStatus
from payments.models import DemoCheckoutSession, Payment
from payments.providers import ProviderError

logger = logging.getLogger(__name__)


# Stripe's webhook (outside the language prefixes, no CSRF: Stripe signs it instead) ------------------
@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        status, message = webhooks.receive(request.body, request.headers.get("Stripe-Signature", ""))
    except webhooks.BadRequest as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    return HttpResponse(message, status=status, content_type="text/plain")


# The citizen's pages ----------------------------------------------------------------------------------
def _submission(reference):
    from casework.models import Submission

    return Submission.objects.select_related("service").by_reference(reference)


def _verified_or_redirect(request, submission, reference):
    """None when this browser proved control of the submission's email; else the redirect to do so.

    A reference that names no submission gets the same redirect, so the page does not tell which
    references exist (they are sequential); the code page then behaves the same for both.
    """
    from casework.references import parse_reference
    from security import citizen_verification

    if parse_reference(reference or "") is None:
        raise Http404
    if submission is not None and citizen_verification.is_verified(request, submission):
        return None
    return HttpResponseRedirect(citizen_verification.verification_url(reference, request.get_full_path()))


def _page_context(request, submission):
    fee = fees.fee_for(submission)
    settled = services.settled_payment(submission)
    open_payment = services.open_payment(submission)
    receipt = getattr(settled, "receipt", None) if settled and settled.is_paid else None
    service_page = submission.service.localized if submission.service else None
    return {
        "submission": submission,
        "fee": fee,
        "settled": settled,
        "open_payment": open_payment,
        "receipt": receipt,
        "service_page": service_page,
        "demo_mode": conf.demo_mode(),
    }


def _render(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def pay(request, reference):
    """The payment step: the fee and a button to Stripe Checkout (or the demo checkout)."""
    submission = _submission(reference)
    redirect = _verified_or_redirect(request, submission, reference)
    if redirect:
        return redirect
    context = _page_context(request, submission)
    if request.method == "GET":
        return _render(request, "payments/pay.html", context)
    if is_ratelimited(request, group="payments-checkout", key="ip", rate="30/h", increment=True):
        context["error"] = _("Too many attempts from your connection. Please try again later.")
        return _render(request, "payments/pay.html", context, status=429)

    def build_urls(payment):
        done = request.build_absolute_uri(reverse("payments_citizen:returned", args=[submission.reference]))
        cancelled = request.build_absolute_uri(
            reverse("payments_citizen:cancelled", args=[submission.reference])
        )
        return f"{done}?payment={payment.pk}", f"{cancelled}?payment={payment.pk}"

    try:
        payment = services.start_checkout(
            submission, language=translation.get_language(), build_urls=build_urls
        )
    except services.PaymentUnavailable as error:
        context["error"] = str(error)
        return _render(request, "payments/pay.html", context, status=409)
    except ProviderError as error:
        logger.warning("checkout for %s failed: %s", submission.reference, error)
        context["error"] = _(
            "The payment service did not answer. Nothing was charged. Please try again in a minute: "
            "you will not be charged twice."
        )
        return _render(request, "payments/pay.html", context, status=503)
    return HttpResponseRedirect(payment.checkout_url, status=303)


@never_cache
def returned(request, reference):
    """Back from the checkout. Shows what Stripe confirmed; the redirect alone proves nothing, so a
    payment still pending is checked with Stripe's API here."""
    submission = _submission(reference)
    redirect = _verified_or_redirect(request, submission, reference)
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
            services.refresh(payment, source="return")
        except ProviderError as error:
            logger.warning("could not check payment %s on return: %s", payment.pk, error)
        payment.refresh_from_db()
    context = _page_context(request, submission)
    context["payment"] = payment
    return _render(request, "payments/returned.html", context)


@never_cache
def cancelled(request, reference):
    submission = _submission(reference)
    redirect = _verified_or_redirect(request, submission, reference)
    if redirect:
        return redirect
    return _render(request, "payments/cancelled.html", _page_context(request, submission))


@never_cache
def receipt(request, reference):
    """The receipt PDF, for the citizen who proved control of the submission's email."""
    submission = _submission(reference)
    redirect = _verified_or_redirect(request, submission, reference)
    if redirect:
        return redirect
    settled = services.settled_payment(submission)
    if settled is None or not hasattr(settled, "receipt"):
        raise Http404
    return receipt_response(settled.receipt, translation.get_language())


def receipt_response(receipt, language):
    pdf = receipts.render_pdf(receipt, "en" if language == "en" else "th")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{receipts.filename(receipt)}"'
    response["Cache-Control"] = "private, no-store"
    return response


# Demo payment mode -------------------------------------------------------------------------------------
DEMO_CHOICES = ("card", "promptpay", "promptpay_fails", "cancel")


@never_cache
@require_http_methods(["GET", "POST"])
def demo_checkout(request, session_id):
    """A stand-in for Stripe's checkout page (demo payment mode only): no money is taken. Paying
    sends the signed events Stripe would send, through the same code as `/payments/stripe/webhook/`."""
    if not conf.demo_mode():
        raise Http404
    session = get_object_or_404(DemoCheckoutSession, session_id=session_id)
    context = {"session": session, "amount": session.amount_total}
    if request.method == "GET" or session.status != "open":
        if session.status == "complete" and request.method == "POST":
            return HttpResponseRedirect(session.success_url)
        return _render(request, "payments/demo_checkout.html", context)
    choice = request.POST.get("choice", "")
    if choice not in DEMO_CHOICES:
        context["error"] = _("Choose how to pay.")
        return _render(request, "payments/demo_checkout.html", context, status=400)
    if choice == "cancel":
        return HttpResponseRedirect(session.cancel_url)
    with transaction.atomic():
        session = DemoCheckoutSession.objects.select_for_update().get(pk=session.pk)
        if session.status != "open":
            return HttpResponseRedirect(session.success_url)
        session.status = "complete"
        session.payment_intent = f"pi_demo_{secrets.token_hex(10)}"
        session.payment_method = "card" if choice == "card" else "promptpay"
        session.payment_status = "paid" if choice == "card" else "unpaid"
        session.save()
    _send(events.event("checkout.session.completed", events.session_object(session)))
    if choice != "card":
        if choice == "promptpay":
            DemoCheckoutSession.objects.filter(pk=session.pk).update(payment_status="paid")
            session.payment_status = "paid"
            _send(events.event("checkout.session.async_payment_succeeded", events.session_object(session)))
        else:
            _send(events.event("checkout.session.async_payment_failed", events.session_object(session)))
    return HttpResponseRedirect(session.success_url)


def _send(event):
    payload, signature = webhooks.signed_payload(event)
    status, message = webhooks.receive(payload, signature)
    if status != 200:
        logger.error("demo webhook %s answered %s %s", event["type"], status, message)
