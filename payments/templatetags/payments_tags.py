from django import template
from django.conf import settings

from payments import checkout, fees, providers
from payments.constants import PaymentMethod
from payments.links import payment_page_url
from payments.money import format_baht

register = template.Library()


@register.filter
def satang(value):
    """4000 -> "40 บาท" / "40 baht"."""
    return format_baht(value)


@register.inclusion_tag("payments/includes/payment_step_inner.html")
def payment_step(submission):
    """The fee and the way to pay, for a submission's confirmation or status page."""
    methods = checkout.offered_methods()
    return {
        "submission": submission,
        "fee": fees.fee_for(submission),
        "settled": checkout.settled_payment(submission),
        "pay_url": payment_page_url(submission),
        "online": bool(methods),
        "card": PaymentMethod.CARD in methods,
    }


@register.inclusion_tag("payments/includes/site_demo_notice.html")
def payments_demo_notice():
    """On every page of a production site (DEBUG off) whose online payments are a demo, set on
    purpose (`PAYMENTS_DEMO`): from settings only, so no query and nothing that varies by visitor."""
    return {
        "show": not settings.DEBUG and any(p.is_demo and p.is_configured() for p in providers.all_providers())
    }
