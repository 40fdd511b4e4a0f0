"""The monthly report per service: the figures the services that inspired us were judged by.

Per month of a year:

* received – requests submitted that month;
* completed – requests that reached "completed" that month;
* median processing time – over those completed, working days from the day of the request to the day
  of completion, less the working days spent waiting for the citizen;
* within the deadline – share of those completed on or before their (paused-adjusted) deadline;
* late – completed after the deadline (the overruns the Licensing Facilitation Act asks to report);
* satisfaction – share of the month's ratings that are 4 or 5.
"""

import dataclasses
import datetime
import statistics
from xml.sax.saxutils import escape

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from casework import deadlines
from casework.models import SatisfactionRating


@dataclasses.dataclass
class MonthRow:
    month: datetime.date
    received: int = 0
    completed: int = 0
    median_days: float | None = None
    within_deadline: int = 0
    late: int = 0
    ratings: int = 0
    satisfied: int = 0

    @property
    def within_share(self):
        return self.within_deadline / self.completed if self.completed else None

    @property
    def satisfied_share(self):
        return self.satisfied / self.ratings if self.ratings else None


def _year_bounds(year):
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=tz)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def _month(value):
    value = timezone.localtime(value) if isinstance(value, datetime.datetime) else value
    return datetime.date(value.year, value.month, 1)


def monthly(submissions, year: int) -> list[MonthRow]:
    """The twelve months of `year` for the given (already permission-filtered) submissions."""
    rows = {datetime.date(year, m, 1): MonthRow(datetime.date(year, m, 1)) for m in range(1, 13)}
    start, end = _year_bounds(year)
    received = (
        submissions.filter(submitted_at__gte=start, submitted_at__lt=end)
        .annotate(m=TruncMonth("submitted_at"))
        .order_by()
        .values("m")
        .annotate(n=Count("pk"))
    )
    for item in received:
        rows[_month(item["m"])].received = item["n"]
    # Each request counts with its own office's calendar (the national holidays and its local ones).
    national, calendars = deadlines.national_holidays(), deadlines.closed_days_by_office()
    durations = {month: [] for month in rows}
    completed = submissions.filter(completed_at__gte=start, completed_at__lt=end).values_list(
        "submitted_at", "completed_at", "expected_completion", "paused_days", "office_id"
    )
    for submitted_at, completed_at, due, paused, office_id in completed.iterator(chunk_size=2000):
        closed = calendars.get(office_id, national)
        row = rows[_month(completed_at)]
        row.completed += 1
        done_on = timezone.localdate(completed_at)
        days = deadlines.working_days_between(timezone.localdate(submitted_at), done_on, closed) - paused
        durations[row.month].append(max(days, 0))
        if done_on <= due:
            row.within_deadline += 1
        else:
            row.late += 1
    for month, values in durations.items():
        if values:
            rows[month].median_days = statistics.median(values)
    ratings = (
        SatisfactionRating.objects.filter(
            submission__in=submissions, created_at__gte=start, created_at__lt=end
        )
        .annotate(m=TruncMonth("created_at"))
        .order_by()
        .values("m", "score")
        .annotate(n=Count("pk"))
    )
    for item in ratings:
        row = rows[_month(item["m"])]
        row.ratings += item["n"]
        if item["score"] >= 4:
            row.satisfied += item["n"]
    return list(rows.values())


def totals(rows: list[MonthRow]) -> MonthRow:
    total = MonthRow(rows[0].month if rows else datetime.date.today())
    for row in rows:
        for name in ("received", "completed", "within_deadline", "late", "ratings", "satisfied"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    medians = [r.median_days for r in rows if r.median_days is not None]
    total.median_days = statistics.median(medians) if medians else None
    return total


def chart_svg(rows: list[MonthRow], *, labels, title: str, received_label: str, completed_label: str) -> str:
    """Grouped bars (received, completed) per month, drawn on the server; the table beside it carries
    the same figures for screen readers."""
    width, height, left, bottom, top = 720, 260, 40, 40, 30
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max([r.received for r in rows] + [r.completed for r in rows] + [1])
    step = plot_w / max(len(rows), 1)
    bar = step * 0.35
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="chart-title"><title id="chart-title">{escape(title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#555"/>',
    ]
    for tick in range(0, 5):
        value = round(peak * tick / 4)
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#333">{value}</text>'
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#e5e5e5"/>'
        )
    for index, row in enumerate(rows):
        x = left + index * step + step * 0.12
        for offset, value, colour in ((0, row.received, "#2e1f5e"), (bar, row.completed, "#1b7a3a")):
            h = plot_h * value / peak
            parts.append(
                f'<rect x="{x + offset:.1f}" y="{top + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}"><title>{value}</title></rect>'
            )
        parts.append(
            f'<text x="{x + bar:.1f}" y="{top + plot_h + 16}" font-size="11" text-anchor="middle" '
            f'fill="#333">{escape(str(labels[index]))}</text>'
        )
    parts.append(
        f'<rect x="{left}" y="6" width="12" height="12" fill="#2e1f5e"/>'
        f'<text x="{left + 16}" y="16" font-size="12" fill="#333">{escape(received_label)}</text>'
        f'<rect x="{left + 160}" y="6" width="12" height="12" fill="#1b7a3a"/>'
        f'<text x="{left + 176}" y="16" font-size="12" fill="#333">{escape(completed_label)}</text></svg>'
    )
    return "".join(parts)
