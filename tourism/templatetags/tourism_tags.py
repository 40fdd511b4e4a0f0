"""`{% load tourism_tags %}`: dates, times, distances and structured data on tourism pages."""

from django import template
from django.utils.translation import gettext as _

from home.i18n import current_language
from tourism import formatting
from tourism.constants import Weekday
from tourism.models import local_now
from tourism.structured_data import json_ld as to_json_ld

register = template.Library()


@register.filter
def date_range(occurrence):
    """`{{ event.occurrence|date_range }}`: "13–15 เมษายน 2570" on Thai pages (Buddhist Era)."""
    if not occurrence:
        return ""
    return formatting.format_date_range(occurrence.start, occurrence.end, current_language())


@register.filter
def day_month(value):
    return formatting.format_day_month(value, current_language()) if value else ""


@register.filter
def clock(value):
    """`{{ period.opens|clock }}`: "08.30 น." in Thai, "8:30" in English."""
    return formatting.format_time(value, current_language())


@register.filter
def hours_status(status):
    """ "Open now, until 16.30 น." / "Closed now, opens Saturday at 17:00"; empty when hours are unknown."""
    if status is None:
        return ""
    language = current_language()
    if status.is_open:
        if status.changes_at is None:
            return _("Open now")
        return _("Open now, until %(time)s") % {
            "time": formatting.format_time(status.changes_at.time(), language)
        }
    if status.changes_at is None:
        return _("Closed now")
    time = formatting.format_time(status.changes_at.time(), language)
    days_ahead = (status.changes_at.date() - local_now().date()).days
    if days_ahead == 0:
        return _("Closed now, opens at %(time)s") % {"time": time}
    if days_ahead == 1:
        return _("Closed now, opens tomorrow at %(time)s") % {"time": time}
    day = Weekday(status.changes_at.weekday()).label
    return _("Closed now, opens %(day)s at %(time)s") % {"day": day, "time": time}


@register.filter
def weekday_name(value):
    return Weekday(value).label


@register.filter
def distance(km):
    """ "850 m" or "2.4 km", in the page's language."""
    if km is None:
        return ""
    if km < 1:
        return _("%(metres)s m") % {"metres": int(round(km * 1000, -1))}
    return _("%(km)s km") % {"km": f"{km:.1f}"}


@register.filter
def json_ld(data):
    """`<script type="application/ld+json">{{ json_ld|json_ld }}</script>`"""
    return to_json_ld(data)


@register.filter
def is_list(value):
    return isinstance(value, list | tuple)
