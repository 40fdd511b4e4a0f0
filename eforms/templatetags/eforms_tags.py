import datetime

from django import template
from django.utils.dateparse import parse_datetime
from django.utils.translation import ngettext

from eforms import pricing
from home.thai_text import keep_together

register = template.Library()


@register.filter(needs_autoescape=True)
def baht(amount, autoescape=True):
    """`1,200 บาท` / `1,200 baht`; whole amounts without decimals; in HTML on one line."""
    text = pricing.baht_text(amount)
    return keep_together(text) if autoescape and text else text


@register.simple_tag
def fee(page):
    """The fee as the manual and the catalogue write it: what the payment step will ask (`eforms.pricing`)."""
    return pricing.fee_text(page)


@register.simple_tag
def working_days(days):
    return ngettext("%(days)s working day", "%(days)s working days", days) % {"days": days}


@register.filter
def parse_iso(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value
    return parse_datetime(value or "")
