from django import template

from home.thai_text import keep_together
from payments import checkout, fees
from payments.constants import PaymentMethod
from payments.links import payment_page_url
from payments.money import format_baht

register = template.Library()


@register.filter(needs_autoescape=True)
def satang(value, autoescape=True):
    """4000 -> "40 บาท" / "40 baht"; in HTML on one line ("500 | บาท" never), in emails as is."""
    text = format_baht(value)
    return keep_together(text) if autoescape and text else text


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
