import datetime

from django import template
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.thai_text import keep_together

register = template.Library()


@register.filter(needs_autoescape=True)
def baht(amount, autoescape=True):
    """`1,200 บาท` / `1,200 baht`; whole amounts without decimals; in HTML on one line."""
    if amount in (None, ""):
        return ""
    text = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    text = _("%(amount)s baht") % {"amount": text}
    return keep_together(text) if autoescape else text


@register.simple_tag
def fee(page):
    if page.fee_amount is None or page.fee_amount == 0:
        return _("No fee")
    return baht(page.fee_amount)


@register.simple_tag
def working_days(days):
    return ngettext("%(days)s working day", "%(days)s working days", days) % {"days": days}


@register.filter
def parse_iso(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value
    return parse_datetime(value or "")
