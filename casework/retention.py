"""How long a finished request is kept before `purge_expired_submissions` anonymises it (PDPA §37(3)).

The defaults follow the kind of service: what the office decides under a law (licences, registrations,
welfare) is kept for 5 years after completion, simple requests and complaints for 1 year. An editor
can set another period on an e-service (*Service* tab, "keep requests for … years"). Change the
defaults here, not in the database, so that every office starts from the same reviewed table.
"""

import datetime

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from casework.constants import FINAL_STATUSES
from casework.models import Submission
from eforms.constants import ServiceCategory
from eforms.models import EServicePage

#: Years a finished request is kept, by the e-service's category.
DEFAULT_RETENTION_YEARS: dict[str, int] = {
    ServiceCategory.LICENCES: 5,
    ServiceCategory.REGISTRATIONS: 5,
    ServiceCategory.WELFARE: 5,
    ServiceCategory.PAYMENTS: 5,
    ServiceCategory.REQUESTS: 1,
    ServiceCategory.COMPLAINTS: 1,
}

#: For a request whose e-service was deleted: the longest period, so nothing goes too early.
FALLBACK_RETENTION_YEARS = max(DEFAULT_RETENTION_YEARS.values())


def retention_years(service) -> int:
    """The e-service's own period if an editor set one, else its category's default."""
    if service is None:
        return FALLBACK_RETENTION_YEARS
    if service.retention_years:
        return service.retention_years
    return DEFAULT_RETENTION_YEARS.get(service.category, FALLBACK_RETENTION_YEARS)


def years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    """The same day and time `years` earlier (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


def finished_at():
    """When a final request ended: completed, else decided (rejected), else withdrawn."""
    return Coalesce("completed_at", "status_changed_at", "decided_at", "submitted_at")


def kept_until(submission):
    """The moment a finished submission passes its retention, or None while it is not finished."""
    if submission.status not in FINAL_STATUSES:
        return None
    end = (
        submission.completed_at
        or submission.status_changed_at
        or submission.decided_at
        or submission.submitted_at
    )
    years = retention_years(submission.service)
    try:
        return end.replace(year=end.year + years)
    except ValueError:
        return end.replace(year=end.year + years, day=28)


def expired_submissions(now=None):
    """Finished submissions past their service's retention that still hold personal data."""
    now = now or timezone.now()
    candidates = Submission.objects.filter(status__in=FINAL_STATUSES, anonymised_at__isnull=True).annotate(
        finished=finished_at()
    )
    services = EServicePage.objects.filter(pk__in=candidates.exclude(service=None).values("service_id")).only(
        "pk", "category", "retention_years"
    )
    past = Q(service__isnull=True, finished__lt=years_before(now, FALLBACK_RETENTION_YEARS))
    for service in services:
        past |= Q(service_id=service.pk, finished__lt=years_before(now, retention_years(service)))
    return candidates.filter(past).order_by("finished", "pk")
