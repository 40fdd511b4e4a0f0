from django import template
from django.conf import settings

from home.thai_text import keep_together
from offices.lookup import office_for_request
from payments import checkout, fees, providers
from payments.constants import PaymentMethod
from payments.links import payment_page_url
from payments.money import format_baht

register = template.Library()


@register.filter(needs_autoescape=True)
def satang(value, style="", autoescape=True):
    """4000 -> "40 บาท" / "40 baht"; in HTML on one line ("500 | บาท" never), in emails as is.
    `|satang:"plain"` inside an attribute (alt, aria-label), where markup would be read out."""
    text = format_baht(value)
    return keep_together(text) if autoescape and text and style != "plain" else text


@register.inclusion_tag("payments/includes/payment_step_inner.html")
def payment_step(submission):
    """The fee and the way to pay, for a submission's confirmation or status page."""
    methods = checkout.offered_methods(submission.office)
    return {
        "submission": submission,
        "fee": fees.fee_for(submission),
        "settled": checkout.settled_payment(submission),
        "pay_url": payment_page_url(submission),
        "online": bool(methods),
        "card": PaymentMethod.CARD in methods,
    }


@register.inclusion_tag("payments/includes/site_demo_notice.html", takes_context=True)
def payments_demo_notice(context):
    """On every page of a production office site (DEBUG off) whose online payments can be a demo, set
    on purpose (`PAYMENTS_DEMO`, and the office has no card provider's keys): from settings and the request's
    office (found once per request), so nothing that varies by visitor."""
    if settings.DEBUG or "request" not in context:
        return {"show": False}
    office = office_for_request(context["request"])
    return {"show": any(p.is_demo and p.is_configured() for p in providers.all_providers(office))}
