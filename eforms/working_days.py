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


def is_working_day(day: datetime.date, extra_closures=frozenset()) -> bool:
    return day.weekday() < 5 and day not in _thai_holidays(day.year) and day not in extra_closures


def add_working_days(start: datetime.date, days: int, extra_closures=frozenset()) -> datetime.date:
    """The date `days` working days after `start` (the day of the request does not count).

    With `days` = 0 the answer is `start` itself if it is a working day, or the next working day.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    if days == 0:
        while not is_working_day(day, extra_closures):
            day += datetime.timedelta(days=1)
        return day
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day, extra_closures):
            counted += 1
    return day
