"""The office's calendar and deadlines in working days: Monday to Friday, except the national holidays
platform administrators keep in the "Office holidays" snippet (a fresh install holds the Thai public
holidays of 2026–2027; `manage.py eforms_holidays 2028` adds a year from the `holidays` package), which
every office shares, and the office's own local holidays (`offices.LocalHoliday`), which count in that
office's deadlines only. A function given no office counts the national holidays alone.

Rules (Licensing Facilitation Act B.E. 2558):

* The deadline is the service's processing time in working days, counted from the day after the
  request arrives.
* While the office waits for the citizen the clock stops. The working days after the day of the
  request for information, up to and including the day the citizen replies, do not count: on the
  reply the deadline moves later by that many working days.
* "Due soon" is a deadline within `DUE_SOON_WORKING_DAYS` working days; "overdue" is a deadline in
  the past while the office still owes a decision.
"""

import datetime

import holidays as holiday_tables
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from casework.constants import CLOCK_RUNNING_STATUSES, HOLIDAYS_CACHE_KEY, SubmissionStatus
from casework.models import Holiday
from offices.models import LocalHoliday, local_holidays_cache_key

DUE_SOON_WORKING_DAYS = 3


def national_holidays() -> frozenset[datetime.date]:
    """The holidays of every office (one query, then cached until a holiday is saved or deleted)."""
    days = cache.get(HOLIDAYS_CACHE_KEY)
    if days is None:
        days = frozenset(Holiday.objects.values_list("date", flat=True))
        cache.set(HOLIDAYS_CACHE_KEY, days, 3600)
    return days


def local_holidays(office) -> frozenset[datetime.date]:
    """The office's own holidays (one query, then cached until one of them is saved or deleted)."""
    if office is None:
        return frozenset()
    key = local_holidays_cache_key(office.pk)
    days = cache.get(key)
    if days is None:
        days = frozenset(LocalHoliday.objects.filter(office=office).values_list("date", flat=True))
        cache.set(key, days, 3600)
    return days


def holidays(office=None) -> frozenset[datetime.date]:
    """The days `office` is closed: the national holidays and its own (the national ones alone without
    an office)."""
    return national_holidays() | local_holidays(office)


def closed_days_by_office(after=None, until=None) -> dict[int, frozenset[datetime.date]]:
    """The closed days of every office that has local holidays (those after `after` and until `until`,
    when given), by office id (the national holidays alone for any other): for reports over the requests
    of several offices, in one query besides the national holidays."""
    national = national_holidays()
    local: dict[int, set[datetime.date]] = {}
    holidays_of_offices = LocalHoliday.objects.all()
    if after is not None:
        holidays_of_offices = holidays_of_offices.filter(date__gt=after)
    if until is not None:
        holidays_of_offices = holidays_of_offices.filter(date__lte=until)
    for office_id, day in holidays_of_offices.values_list("office_id", "date"):
        local.setdefault(office_id, set()).add(day)
    return {office_id: national | frozenset(days) for office_id, days in local.items()}


def office_of(submission):
    """The office whose calendar a request's deadline counts with: the request's own."""
    return submission.office


def forget_holidays():
    cache.delete(HOLIDAYS_CACHE_KEY)


def is_working_day(day: datetime.date, closed=None) -> bool:
    """`closed`, when given, replaces the office's holidays (for tests and previews)."""
    closed = holidays() if closed is None else closed
    return day.weekday() < 5 and day not in closed


def add_working_days(start: datetime.date, days: int, closed=None) -> datetime.date:
    """The date `days` working days after `start` (the day of the request does not count).

    With `days` = 0 the answer is `start` itself if it is a working day, or the next working day.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    closed = holidays() if closed is None else closed
    day = start
    if days == 0:
        while not is_working_day(day, closed):
            day += datetime.timedelta(days=1)
        return day
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day, closed):
            counted += 1
    return day


def working_days_between(start: datetime.date, end: datetime.date, closed=None) -> int:
    """Working days d with start < d <= end (0 when end is not after start)."""
    closed = holidays() if closed is None else closed
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day, closed):
            count += 1
    return count


def initial_deadline(submitted_on: datetime.date, processing_days: int, office=None) -> datetime.date:
    """`office`: the office of the request's service, whose local holidays count too."""
    return add_working_days(submitted_on, processing_days, holidays(office))


def resumed_deadline(
    deadline: datetime.date, paused_since: datetime.date, resumed_on: datetime.date, office=None
):
    """(new deadline, working days lost) when the clock restarts on `resumed_on`, in `office`'s calendar."""
    closed = holidays(office)
    lost = working_days_between(paused_since, resumed_on, closed) if paused_since else 0
    return add_working_days_strict(deadline, lost, closed), lost


def add_working_days_strict(start: datetime.date, days: int, closed=None) -> datetime.date:
    """Like `add_working_days`, but 0 days leaves the date as it is."""
    return start if days == 0 else add_working_days(start, days, closed)


def due_soon_limit(today: datetime.date | None = None, office=None) -> datetime.date:
    """The last day of "due soon" today, in `office`'s calendar (its local holidays move it later)."""
    return add_working_days(today or timezone.localdate(), DUE_SOON_WORKING_DAYS, holidays(office))


def due_soon_limits(today: datetime.date | None = None) -> tuple[datetime.date, dict[int, datetime.date]]:
    """(the last day of "due soon" in the national calendar, {office id: its own last day} for the
    offices whose local holidays in the coming days move it): for lists of several offices' requests,
    in one query besides the national holidays, however many offices there are."""
    today = today or timezone.localdate()
    national = national_holidays()
    limit = add_working_days(today, DUE_SOON_WORKING_DAYS, national)
    # Each local holiday moves the limit by a working day at most; a month covers any run of them.
    calendars = closed_days_by_office(after=today, until=limit + datetime.timedelta(days=31))
    moved = {}
    for office_id, closed in calendars.items():
        own = add_working_days(today, DUE_SOON_WORKING_DAYS, closed)
        if own != limit:
            moved[office_id] = own
    return limit, moved


def due_soon_condition(today: datetime.date | None = None, limits=None) -> Q:
    """Requests whose deadline is from today to the last day of "due soon" in their office's calendar
    (with the clock running: the caller filters that)."""
    today = today or timezone.localdate()
    limit, moved = limits or due_soon_limits(today)
    within = Q(expected_completion__lte=limit) & ~Q(office_id__in=list(moved))
    for office_id, own in moved.items():
        within |= Q(office_id=office_id, expected_completion__lte=own)
    return Q(expected_completion__gte=today) & within


def end_of_week(today: datetime.date | None = None) -> datetime.date:
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=6 - today.weekday())


def due_state(submission, today=None, limits=None) -> str:
    """ "overdue", "due_soon", "paused", "on_time" or "" (decided): for badges in the inbox.
    `limits`: `due_soon_limits(today)`, for a list (else the request's office's calendar is read)."""
    today = today or timezone.localdate()
    if submission.status == SubmissionStatus.WAITING:
        return "paused"
    if submission.status not in CLOCK_RUNNING_STATUSES:
        return ""
    if submission.expected_completion < today:
        return "overdue"
    if limits is not None:
        limit, moved = limits
        soon = moved.get(submission.office_id, limit)
    else:
        soon = due_soon_limit(today, office_of(submission) if submission.office_id else None)
    if submission.expected_completion <= soon:
        return "due_soon"
    return "on_time"


def thai_public_holidays(years) -> dict[datetime.date, str]:
    """Thai public holidays of `years` from the `holidays` package, with Thai names (to seed the
    office's own list, which is the only calendar deadlines count with)."""
    result = {}
    for year in years:
        for day, name in holiday_tables.Thailand(years=year, language="th").items():
            result[day] = name
    return result
