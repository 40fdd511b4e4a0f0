"""The public figures of an office's problem reports (`/th/reports/figures/`): per division and category,
over the last 365 days, what was received, closed and fixed, the median working days to fix (in the
office's own calendar) against the category's published resolution time, and the share fixed within it.

Sensitive categories are left out (their numbers could point at a complainant) and withdrawn reports do
not count. A count under `SMALL_COUNT` is shown as "fewer than 5", and a share or median computed from
fewer than that is not shown, so that no single case can be read from the table.
"""

import dataclasses
import datetime
import statistics

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework import deadlines
from casework.constants import SubmissionStatus
from problems.constants import SMALL_COUNT
from problems.models import Category, ProblemReport

PERIOD_DAYS = 365
S = SubmissionStatus


@dataclasses.dataclass
class Row:
    division: str
    category: Category
    received: int = 0
    closed: int = 0
    fixed: int = 0
    days: list = dataclasses.field(default_factory=list)

    @property
    def small(self):
        return self.received < SMALL_COUNT

    def count(self, value):
        """A count as shown: the number, or None for "fewer than 5" (0 is shown as 0)."""
        return value if value == 0 or value >= SMALL_COUNT else None

    @property
    def shown(self):
        return {
            "received": self.count(self.received),
            "closed": self.count(self.closed),
            "fixed": self.count(self.fixed),
            "fixed_share": round(100 * self.fixed / self.received) if not self.small else None,
            "median_days": statistics.median(self.days) if len(self.days) >= SMALL_COUNT else None,
            "within_share": (
                round(100 * sum(d <= self.category.resolution_days for d in self.days) / len(self.days))
                if len(self.days) >= SMALL_COUNT
                else None
            ),
        }


def figures(office, now=None):
    """The rows, divisions in name order and categories in the office's order; and the period."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=PERIOD_DAYS)
    categories = list(
        Category.objects.filter(office=office, sensitive=False)
        .select_related("division")
        .order_by("sort_order", "pk")
    )
    rows = {c.pk: Row(c.division.name if c.division else str(_("No division named")), c) for c in categories}
    closed_days = deadlines.holidays(office)
    reports = (
        ProblemReport.objects.filter(office=office, category__in=categories, created_at__gte=since)
        .exclude(submission__status=S.WITHDRAWN)
        .values_list(
            "category_id", "submission__status", "submission__submitted_at", "submission__completed_at"
        )
    )
    for category_id, status, submitted, completed in reports:
        row = rows[category_id]
        row.received += 1
        if status in (S.COMPLETED, S.REJECTED):
            row.closed += 1
        if status == S.COMPLETED and completed:
            row.fixed += 1
            row.days.append(
                deadlines.working_days_between(
                    timezone.localdate(submitted), timezone.localdate(completed), closed_days
                )
            )
    ordered = sorted(rows.values(), key=lambda r: (r.division, categories.index(r.category)))
    return ordered, timezone.localdate(since), timezone.localdate(now)
