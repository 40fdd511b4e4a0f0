"""Working days of a Thai local government office: Monday to Friday, except Thai public holidays.

The processing time of a service is promised in working days (Licensing Facilitation Act B.E. 2558);
the expected completion date counts them from the day after the request arrives.
"""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _thai_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.Thailand(years=year).keys())


def is_working_day(day: datetime.date, extra_closures=frozenset(), closures=None) -> bool:
    """`closures`, when given, replaces the built-in Thai public holidays (the office's own list,
    `eforms.deadlines`); `extra_closures` is added to whichever list is used."""
    closed = _thai_holidays(day.year) if closures is None else closures
    return day.weekday() < 5 and day not in closed and day not in extra_closures


def add_working_days(
    start: datetime.date, days: int, extra_closures=frozenset(), closures=None
) -> datetime.date:
    """The date `days` working days after `start` (the day of the request does not count).

    With `days` = 0 the answer is `start` itself if it is a working day, or the next working day.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    if days == 0:
        while not is_working_day(day, extra_closures, closures):
            day += datetime.timedelta(days=1)
        return day
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day, extra_closures, closures):
            counted += 1
    return day


def thai_public_holidays(years) -> dict[datetime.date, str]:
    """Thai public holidays of `years` from the `holidays` package, Thai names (to seed the office list)."""
    result = {}
    for year in years:
        for day, name in holidays.Thailand(years=year, language="th").items():
            result[day] = name
    return result
