"""Stripe's webhook view (outside the language prefixes, no CSRF: Stripe signs it instead) and the
demo checkout page."""

import logging
import re
import secrets

from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from offices.lookup import default_office
from offices.models import Office
from payments import providers
from payments.models import Payment
from payments.providers.stripe import events, webhooks
from payments.providers.stripe.models import DemoCheckoutSession

logger = logging.getLogger(__name__)


def webhook_response(request, provider):
    try:
        status, message = webhooks.receive(
            request.body,
            request.headers.get("Stripe-Signature", ""),
            provider_id=provider.id,
            secret=provider.webhook_secret(),
            office=provider.office,
        )
    except webhooks.BadRequest as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    return HttpResponse(message, status=status, content_type="text/plain")


@csrf_exempt
@require_POST
def webhook(request, office_code=None):
    """`POST /payments/stripe/webhook/<office code>/`: verified with that office's signing secret and
    applied to that office's payments only. `/payments/stripe/webhook/` is the default office's."""
    office = default_office() if office_code is None else Office.objects.filter(code=office_code).first()
    if office is None:
        raise Http404
    return providers.get("stripe", office=office).handle_webhook(request)


# Demo payment mode -------------------------------------------------------------------------------------
DEMO_CHOICES = ("card", "promptpay", "promptpay_fails", "cancel")
DEMO_SESSION_ID = re.compile(r"cs_demo_[0-9A-Za-z_]{1,64}")  # ids the demo makes, older ones too


def _render(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def demo_checkout(request, session_id):
    """A stand-in for Stripe's checkout page (demo payment mode only): no money is taken. Paying
    sends the signed events Stripe would send, through the same code as `/payments/stripe/webhook/`."""
    if not DEMO_SESSION_ID.fullmatch(session_id):
        raise Http404  # what is not a demo session id (a NUL byte …) never reaches the database
    session = get_object_or_404(DemoCheckoutSession, session_id=session_id)
    payment_id = str(session.metadata.get("payment_id") or "")
    payment = (
        Payment.objects.select_related("submission__office__site").filter(pk=int(payment_id)).first()
        if payment_id.isdigit()
        else None
    )
    office = payment.submission.office if payment else None
    demo = providers.get("demo", office=office)
    if not demo.is_configured():  # the office has keys now, or demo payments are off
        raise Http404
    template = "payments/providers/stripe/demo_checkout.html"
    context = {"session": session, "amount": session.amount_total}
    if request.method == "GET" or session.status != "open":
        if session.status == "complete" and request.method == "POST":
            return HttpResponseRedirect(session.success_url)
        return _render(request, template, context)
    choice = request.POST.get("choice", "")
    if choice not in DEMO_CHOICES:
        context["error"] = _("Choose how to pay.")
        return _render(request, template, context, status=400)
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
    _send(demo, events.event("checkout.session.completed", events.session_object(session)))
    if choice != "card":
        if choice == "promptpay":
            DemoCheckoutSession.objects.filter(pk=session.pk).update(payment_status="paid")
            session.payment_status = "paid"
            _send(
                demo, events.event("checkout.session.async_payment_succeeded", events.session_object(session))
            )
        else:
            _send(demo, events.event("checkout.session.async_payment_failed", events.session_object(session)))
    return HttpResponseRedirect(session.success_url)


def _send(demo, event):
    secret = demo.webhook_secret()
    payload, signature = webhooks.signed_payload(event, secret)
    status, message = webhooks.receive(
        payload, signature, provider_id=demo.id, secret=secret, office=demo.office
    )
    if status != 200:
        logger.error("demo webhook %s answered %s %s", event["type"], status, message)
