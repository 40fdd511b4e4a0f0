"""Opening hours: is a place open at a given moment, and when does that change.

Plain Python (no database), so the rules can be tested on their own and shared by the attraction
page, the index cards and the "open now" filter.

Rules:
- A place has any number of periods per weekday (Monday = 0). A day without a period is closed.
- A period whose closing time is at or before its opening time ends on the next day (a night market
  from 17:00 to 01:00). A period from 00:00 to 00:00 lasts the whole day.
- A closed date (a holiday, a ceremony) cancels the periods that *start* on that date. A period that
  started the evening before and runs past midnight into a closed date is still honoured: the
  visitor is already there.
- A place marked "always open" (a viewpoint, a forest trail) is open unless the date is closed.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

# How far ahead to look for the next change: a week, plus the day before and a spare day.
WINDOW_DAYS = 9


@dataclass(frozen=True)
class Period:
    weekday: int  # Monday = 0 … Sunday = 6, as datetime.date.weekday()
    opens: datetime.time
    closes: datetime.time

    @property
    def crosses_midnight(self) -> bool:
        return self.closes <= self.opens

    def span_on(self, day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
        """The (start, end) of this period if it starts on `day` (whatever `day`'s weekday)."""
        start = datetime.datetime.combine(day, self.opens)
        end_day = day + datetime.timedelta(days=1) if self.crosses_midnight else day
        return start, datetime.datetime.combine(end_day, self.closes)


@dataclass(frozen=True)
class Status:
    """What to tell a visitor: open or not, and the next change (None when unknown or never)."""

    is_open: bool
    changes_at: datetime.datetime | None = None


def _spans(periods, closed_dates, always_open, first_day, days):
    """Every opening span starting on `first_day` or the `days - 1` days after it, in order."""
    for offset in range(days):
        day = first_day + datetime.timedelta(days=offset)
        if day in closed_dates:
            continue
        if always_open:
            yield (
                datetime.datetime.combine(day, datetime.time()),
                datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()),
            )
            continue
        for period in sorted((p for p in periods if p.weekday == day.weekday()), key=lambda p: p.opens):
            yield period.span_on(day)


def _merged(spans):
    """Join spans that touch or overlap, so "open until" is the real closing time."""
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def status_at(
    at: datetime.datetime,
    periods: Iterable[Period] = (),
    closed_dates: Iterable[datetime.date] = (),
    always_open: bool = False,
) -> Status:
    """Open or closed at `at` (a naive local time), and when that changes within the next week."""
    periods = list(periods)
    closed_dates = set(closed_dates)
    # Start the day before: a period that began yesterday evening may still be running.
    first_day = at.date() - datetime.timedelta(days=1)
    horizon = datetime.datetime.combine(first_day + datetime.timedelta(days=WINDOW_DAYS), datetime.time())
    spans = _merged(sorted(_spans(periods, closed_dates, always_open, first_day, WINDOW_DAYS)))
    for start, end in spans:
        if start <= at < end:
            return Status(True, end if end < horizon else None)
        if start > at:
            return Status(False, start)
    return Status(False, None)


def is_open_at(at, periods=(), closed_dates=(), always_open=False) -> bool:
    return status_at(at, periods, closed_dates, always_open).is_open


def has_hours(periods, always_open) -> bool:
    """Whether the hours are known at all (otherwise show nothing rather than "closed")."""
    return always_open or bool(list(periods))


def weekly_table(periods: Iterable[Period]) -> list[tuple[int, list[Period]]]:
    """(weekday, periods sorted by opening) for Monday to Sunday; an empty list means closed."""
    periods = list(periods)
    return [
        (day, sorted((p for p in periods if p.weekday == day), key=lambda p: p.opens)) for day in range(7)
    ]
