"""Working days between two dates, computed by the database, as `casework.deadlines` counts them.

`casework.deadlines.working_days_between(start, end)` counts the days d with start < d <= end that are
Monday to Friday and not an office holiday. For a whole year of requests the overview asks the
database for that number per request and groups by it (a histogram), so the median is exact and the
rows read back do not grow with the number of requests or offices.

With N(d) the days since Monday 5 January 1970 and W(d) = 5 * (N div 7) + min(N mod 7 + 1, 5) the
weekdays from that Monday up to and including d, and H(d) the weekday holidays on or before d:

    working_days(start, end) = (W(end) - H(end)) - (W(start) - H(start))

H is a CASE over the sorted holidays, passed from Python (the holiday list is small and cached).
"""

import datetime

from django.db.models import Case, Func, IntegerField, Value, When
from django.db.models.functions import Greatest, Least, Mod
from django.db.models.lookups import LessThan

EPOCH = datetime.date(1970, 1, 5)  # a Monday


class DayNumber(Func):
    """Days from `EPOCH` to a date expression, as an integer (PostgreSQL and SQLite)."""

    arity = 1
    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(%(expressions)s - DATE '1970-01-05')", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) - julianday('1970-01-05') AS INTEGER)",
            **extra,
        )


def _weekdays_through(day):
    number = DayNumber(day)
    return Value(5) * (number / Value(7)) + Least(Mod(number, Value(7)) + Value(1), Value(5))


def _holidays_through(day, holidays):
    """Weekday holidays on or before `day` (`holidays` sorted, weekdays only)."""
    if not holidays:
        return Value(0)
    return Case(
        *[When(LessThan(day, Value(holiday)), then=Value(index)) for index, holiday in enumerate(holidays)],
        default=Value(len(holidays)),
        output_field=IntegerField(),
    )


def weekday_holidays(closed, until=None):
    """The holidays that can change a count (Monday to Friday), sorted, up to `until` if given."""
    return sorted(day for day in closed if day.weekday() < 5 and (until is None or day <= until))


def working_days_between(start, end, holidays, less=None):
    """The expression for `casework.deadlines.working_days_between(start, end)` minus `less` (an
    expression, e.g. the days spent waiting for the citizen), never below 0. `start` and `end` are
    date expressions; `holidays` comes from `weekday_holidays`."""
    days = (_weekdays_through(end) - _holidays_through(end, holidays)) - (
        _weekdays_through(start) - _holidays_through(start, holidays)
    )
    if less is not None:
        days = days - less
    return Greatest(days, Value(0), output_field=IntegerField())
