"""The public figures of an office's problem reports: per division and category over the last 365 days
(`/th/reports/figures/`), and per month and category over the last 12 months (`monthly`, the CSV).

For each group of reports (by the month they were received): how many; the median working days to the
office's first answer and to the fix (in the office's own calendar) and the share within the category's
published response and resolution times; the share fixed (the resolution rate); the reporters'
satisfaction (casework's survey: answers, the share answering 4 or 5, the mean overall score); and how
many were reopened by their reporter ("not fixed").

Sensitive categories are left out (their numbers could point at a complainant) and withdrawn reports do
not count. A count under `SMALL_COUNT` is shown as "fewer than 5", and a share, median or mean computed
from fewer than that is not shown, so that no single case — nor one person's rating — can be read.
"""

import csv
import dataclasses
import datetime
import statistics

from django.utils import timezone
from django.utils.translation import gettext_lazy

from casework import deadlines
from casework.constants import SubmissionStatus
from casework.satisfaction import SATISFIED_FROM
from problems.constants import SMALL_COUNT
from problems.models import Category, ProblemReport

PERIOD_DAYS = 365
MONTHS = 12
S = SubmissionStatus


def _share(part, whole):
    return round(100 * part / whole) if whole >= SMALL_COUNT else None


def _median(values):
    return statistics.median(values) if len(values) >= SMALL_COUNT else None


@dataclasses.dataclass
class Row:
    division: str
    category: Category
    month: datetime.date | None = None
    received: int = 0
    closed: int = 0
    fixed: int = 0
    reopened: int = 0
    days: list = dataclasses.field(default_factory=list)  # working days to the fix, of those fixed
    answer_days: list = dataclasses.field(default_factory=list)  # to the first answer, of those answered
    answers_due: int = 0  # answered, or unanswered past the response time: whose answer can be judged
    scores: list = dataclasses.field(default_factory=list)

    @property
    def small(self):
        return self.received < SMALL_COUNT

    def count(self, value):
        """A count as shown: the number, or None for "fewer than 5" (0 is shown as 0)."""
        return value if value == 0 or value >= SMALL_COUNT else None

    def add(
        self, status, submitted, completed, first_answer, respond_by, reopenings, score, closed_days, today
    ):
        self.received += 1
        if status in (S.COMPLETED, S.REJECTED):
            self.closed += 1
        start = timezone.localdate(submitted)
        if status == S.COMPLETED and completed:
            self.fixed += 1
            self.days.append(
                deadlines.working_days_between(start, timezone.localdate(completed), closed_days)
            )
        if first_answer:
            self.answer_days.append(
                deadlines.working_days_between(start, timezone.localdate(first_answer), closed_days)
            )
            self.answers_due += 1
        elif respond_by < today:
            self.answers_due += 1
        if reopenings:
            self.reopened += 1
        if score is not None:
            self.scores.append(score)

    @property
    def shown(self):
        category = self.category
        answered_within = sum(d <= category.response_days for d in self.answer_days)
        return {
            "received": self.count(self.received),
            "closed": self.count(self.closed),
            "fixed": self.count(self.fixed),
            "fixed_share": _share(self.fixed, self.received),
            "median_days": _median(self.days),
            "within_share": _share(sum(d <= category.resolution_days for d in self.days), len(self.days)),
            "median_answer_days": _median(self.answer_days),
            "answered_within_share": _share(answered_within, self.answers_due),
            "ratings": self.count(len(self.scores)),
            "satisfied_share": _share(sum(s >= SATISFIED_FROM for s in self.scores), len(self.scores)),
            "mean_score": round(statistics.fmean(self.scores), 1)
            if len(self.scores) >= SMALL_COUNT
            else None,
            "reopened": self.count(self.reopened),
        }


def _categories(office):
    return list(
        Category.objects.filter(office=office, sensitive=False)
        .select_related("division")
        .order_by("sort_order", "pk")
    )


def _division_name(category):
    return category.division.name if category.division else str(gettext_lazy("No division named"))


def _reports(office, categories, since):
    """One query: what each report needs, its rating (casework's survey) joined."""
    return (
        ProblemReport.objects.filter(office=office, category__in=categories, created_at__gte=since)
        .exclude(submission__status=S.WITHDRAWN)
        .values_list(
            "category_id",
            "created_at",
            "submission__status",
            "submission__submitted_at",
            "submission__completed_at",
            "first_response_at",
            "respond_by",
            "reopenings",
            "submission__rating__score",
        )
    )


def figures(office, now=None):
    """The rows of the last 365 days, divisions in name order and categories in the office's order; and
    the period."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=PERIOD_DAYS)
    today = timezone.localdate(now)
    categories = _categories(office)
    rows = {c.pk: Row(_division_name(c), c) for c in categories}
    closed_days = deadlines.holidays(office)
    for category_id, _created, *values in _reports(office, categories, since):
        rows[category_id].add(*values, closed_days, today)
    ordered = sorted(rows.values(), key=lambda r: (r.division, categories.index(r.category)))
    return ordered, timezone.localdate(since), today


def _month_starts(today, months):
    first = today.replace(day=1)
    starts = []
    for _index in range(months):
        starts.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(starts))


def monthly(office, now=None, months=MONTHS):
    """Rows per month (oldest first) and category (the office's order), over the last `months` months
    including this one: every category in every month, with zeros."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    starts = _month_starts(today, months)
    since = timezone.make_aware(datetime.datetime.combine(starts[0], datetime.time()))
    categories = _categories(office)
    rows = {(m, c.pk): Row(_division_name(c), c, month=m) for m in starts for c in categories}
    closed_days = deadlines.holidays(office)
    for category_id, created, *values in _reports(office, categories, since):
        month = timezone.localdate(created).replace(day=1)
        rows[(month, category_id)].add(*values, closed_days, today)
    return list(rows.values())


def _cell(value, suffix=""):
    """A figure for the CSV: the number, "<5" for a small count, empty when not computed."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else f"{value}{suffix}"


COLUMNS = [
    ("month", gettext_lazy("Month")),
    ("division", gettext_lazy("Division")),
    ("category", gettext_lazy("Problem")),
    ("received", gettext_lazy("Received")),
    ("median_answer_days", gettext_lazy("Median working days to the first answer")),
    ("response_days", gettext_lazy("Published response time (working days)")),
    ("answered_within_share", gettext_lazy("Answered within the published time (%)")),
    ("fixed", gettext_lazy("Fixed")),
    ("fixed_share", gettext_lazy("Share fixed (%)")),
    ("median_days", gettext_lazy("Median working days to fix")),
    ("resolution_days", gettext_lazy("Published resolution time (working days)")),
    ("within_share", gettext_lazy("Fixed within the published time (%)")),
    ("reopened", gettext_lazy("Reopened by the reporter")),
    ("ratings", gettext_lazy("Satisfaction answers")),
    ("satisfied_share", gettext_lazy("Satisfied (4 or 5 of 5, %)")),
    ("mean_score", gettext_lazy("Mean satisfaction (1–5)")),
]
COUNTS = {"received", "fixed", "reopened", "ratings"}


def write_csv(stream, rows):
    """The monthly rows as CSV, headings in the active language; small counts as "<5", figures computed
    from fewer than 5 cases left empty. The caller writes the BOM (so that Excel reads UTF-8 Thai)."""
    writer = csv.writer(stream)
    writer.writerow([str(label) for _key, label in COLUMNS])
    for row in rows:
        shown = row.shown
        values = {
            "month": f"{row.month:%Y-%m}",
            "division": row.division,
            "category": row.category.name,
            "response_days": row.category.response_days,
            "resolution_days": row.category.resolution_days,
        }
        for key, _label in COLUMNS:
            if key in values:
                continue
            value = shown[key]
            values[key] = "<5" if key in COUNTS and value is None else _cell(value)
        writer.writerow([values[key] for key, _label in COLUMNS])
