"""When an event takes place: one day, a range of days, or a festival that comes back every year.

Plain Python, so the rules are tested on their own. A yearly festival keeps its day and month and
its length; a festival that follows the lunar calendar (Loy Krathong) is entered as a single date or
a range each year instead, because its Gregorian date moves.
"""

import calendar
import datetime
from dataclasses import dataclass

SINGLE = "single"
RANGE = "range"
YEARLY = "yearly"


@dataclass(frozen=True)
class Occurrence:
    start: datetime.date
    end: datetime.date

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        return self.start <= last and self.end >= first

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _same_day_in_year(day: datetime.date, year: int) -> datetime.date:
    """`day` moved to `year`; 29 February becomes 28 February in a common year."""
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return day.replace(year=year)


@dataclass(frozen=True)
class DateRule:
    kind: str
    start: datetime.date
    end: datetime.date | None = None

    def __post_init__(self):
        if self.kind not in (SINGLE, RANGE, YEARLY):
            raise ValueError(f"unknown kind of date: {self.kind!r}")

    @property
    def last_day(self) -> datetime.date:
        if self.kind == SINGLE or self.end is None:
            return self.start
        return self.end

    @property
    def length(self) -> datetime.timedelta:
        return self.last_day - self.start

    def problems(self) -> list[str]:
        """What is wrong with the rule, as message keys (the model turns them into form errors)."""
        found = []
        if self.kind in (RANGE, YEARLY) and self.end is not None and self.end < self.start:
            found.append("end_before_start")
        if self.kind == RANGE and self.end is None:
            found.append("range_needs_end")
        if self.kind == YEARLY and self.end is not None and self.length.days >= 365:
            found.append("yearly_too_long")
        return found

    def occurrence_in_year(self, year: int) -> Occurrence | None:
        """The occurrence that starts in `year` (yearly festivals start once a year)."""
        if self.kind != YEARLY:
            return Occurrence(self.start, self.last_day) if self.start.year == year else None
        if year < self.start.year:
            return None
        start = _same_day_in_year(self.start, year)
        return Occurrence(start, start + self.length)

    def next_occurrence(self, today: datetime.date) -> Occurrence | None:
        """The occurrence running today, or else the next one; None when it is over for good."""
        if self.kind != YEARLY:
            occurrence = Occurrence(self.start, self.last_day)
            return occurrence if occurrence.end >= today else None
        # Last year's may still be running (a festival from 31 December to 1 January); before the
        # festival's first year, the first one is next.
        for year in sorted({today.year - 1, today.year, today.year + 1, self.start.year}):
            occurrence = self.occurrence_in_year(year)
            if occurrence and occurrence.end >= today:
                return occurrence
        return None

    def occurrences_between(self, first: datetime.date, last: datetime.date) -> list[Occurrence]:
        """Every occurrence that overlaps the days from `first` to `last` inclusive."""
        if self.kind != YEARLY:
            occurrence = Occurrence(self.start, self.last_day)
            return [occurrence] if occurrence.overlaps(first, last) else []
        found = []
        for year in range(first.year - 1, last.year + 1):
            occurrence = self.occurrence_in_year(year)
            if occurrence and occurrence.overlaps(first, last):
                found.append(occurrence)
        return found

    def happens_in_month(self, year: int, month: int) -> bool:
        first = datetime.date(year, month, 1)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        return bool(self.occurrences_between(first, last))


def month_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
