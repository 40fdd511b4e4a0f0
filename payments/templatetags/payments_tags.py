from django import template

from payments import checkout, fees
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
