"""Dates and times as a Thai or English reader expects them on a tourism page."""

import datetime

from home.dates import ENGLISH_MONTHS, THAI_MONTHS, buddhist_year, format_date


def _month(day: datetime.date, language: str) -> str:
    return THAI_MONTHS[day.month - 1] if language == "th" else ENGLISH_MONTHS[day.month - 1]


def _year(day: datetime.date, language: str) -> int:
    return buddhist_year(day.year) if language == "th" else day.year


def format_date_range(start: datetime.date, end: datetime.date | None, language: str) -> str:
    """ "13–15 เมษายน 2570" / "13–15 April 2027"; "30 March – 2 April 2027"; one date when one day."""
    if end is None or end == start:
        return format_date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {_month(end, language)} {_year(end, language)}"
    if start.year == end.year:
        return f"{start.day} {_month(start, language)} – {end.day} {_month(end, language)} {_year(end, language)}"
    return f"{format_date(start, language)} – {format_date(end, language)}"


def format_day_month(day: datetime.date, language: str) -> str:
    """ "13 เมษายน" — for a festival that comes back every year."""
    return f"{day.day} {_month(day, language)}"


def format_time(value: datetime.time | None, language: str) -> str:
    """ "08.30 น." in Thai (the official style), "8:30" in English."""
    if value is None:
        return ""
    if language == "th":
        return f"{value.hour:02d}.{value.minute:02d} น."
    return f"{value.hour}:{value.minute:02d}"
