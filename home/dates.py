"""Dates as Thai readers expect them: Thai month names and the Buddhist Era year (CE + 543)."""

import datetime

from django.utils import timezone
from django.utils.translation import get_language

BUDDHIST_ERA_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def buddhist_year(year: int) -> int:
    return year + BUDDHIST_ERA_OFFSET


def _as_local_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def format_date(value, language=None, short=False) -> str:
    """Format a date (or datetime, shown in the site's time zone) for the given or active language.

    Thai: "23 พฤศจิกายน 2569"; English: "23 November 2026".
    """
    if value in (None, ""):
        return ""
    value = _as_local_date(value)
    language = (language or get_language() or "th").split("-")[0]
    if language == "th":
        months = THAI_MONTHS_SHORT if short else THAI_MONTHS
        return f"{value.day} {months[value.month - 1]} {buddhist_year(value.year)}"
    month = ENGLISH_MONTHS[value.month - 1]
    return f"{value.day} {month[:3] if short else month} {value.year}"
