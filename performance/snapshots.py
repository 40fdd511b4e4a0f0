"""Precomputed statistics: `manage.py refresh_statistics` (nightly, `tambon-statistics.timer`) stores
each office's figures of this fiscal year and the previous one; the page reads them back.

Why: counting every request on each visit costs about 0.7 s for this year and 1.5 s for the previous
one for an office with 100,000 requests on PostgreSQL (`make bench`, `bench_statistics`), far above
the 200 ms the page may take; read from the snapshot the page takes a few milliseconds of database
time. What is "now" (requests still open and overdue today) is counted on each visit: one query on an
index. A year without a fresh snapshot (older than `FRESH_HOURS`, or never stored) is computed on the
visit, as before, and not stored: only the nightly job writes, so a visit never waits for a write.
"""

import dataclasses
import datetime

from django.db.models import Count, Q
from django.utils import timezone

from casework import satisfaction
from casework.models import Submission
from national.figures import FiscalYear, MonthRow, OfficeFigures, ServiceRow, for_office
from offices.models import Office
from performance.models import StatisticsSnapshot

FRESH_HOURS = 36  # a night missed still serves yesterday's; two missed fall back to counting live


def _dump(figures: OfficeFigures) -> dict:
    def row(service: ServiceRow):
        data = dataclasses.asdict(service)
        data["days"] = [[days, count] for days, count in service.days.items()]
        return data

    return {
        "months": [[month.month.isoformat(), month.received, month.decided] for month in figures.months],
        "services": [row(service) for service in figures.services],
        "total": row(figures.total),
        "channels": figures.channels,
        "service_months": {
            title: [[month.month.isoformat(), month.received, month.decided] for month in months]
            for title, months in figures.service_months.items()
        },
        "survey": {
            "answers": figures.survey.answers,
            "questions": [dataclasses.asdict(question) for question in figures.survey.questions],
        },
    }


def _load(year: FiscalYear, data: dict, open_now: int, overdue_now: int) -> OfficeFigures:
    def row(values):
        values = dict(values)
        values["days"] = {days: count for days, count in values["days"]}
        return ServiceRow(**values)

    return OfficeFigures(
        year=year,
        months=[
            MonthRow(datetime.date.fromisoformat(day), received, decided)
            for day, received, decided in data["months"]
        ],
        services=[row(values) for values in data["services"]],
        total=row(data["total"]),
        channels=data["channels"],
        service_months={  # absent from snapshots stored before it was counted
            title: [
                MonthRow(datetime.date.fromisoformat(day), received, decided)
                for day, received, decided in months
            ]
            for title, months in data.get("service_months", {}).items()
        },
        open_now=open_now,
        overdue_now=overdue_now,
        survey=satisfaction.Summary(
            answers=data["survey"]["answers"],
            questions=[satisfaction.QuestionFigure(**values) for values in data["survey"]["questions"]],
        ),
    )


def refresh(office: Office, year: FiscalYear) -> StatisticsSnapshot:
    figures = for_office(year, office)
    snapshot, _created = StatisticsSnapshot.objects.update_or_create(
        office=office,
        fiscal_year=year.number,
        defaults={"figures": _dump(figures), "computed_at": timezone.now()},
    )
    return snapshot


def years_to_refresh(today: datetime.date) -> list[FiscalYear]:
    """This fiscal year and the previous one (requests decided late still change it)."""
    current = FiscalYear.of(today)
    return [current, FiscalYear(current.number - 1)]


def _now_counts(office: Office) -> tuple[int, int]:
    today = timezone.localdate()
    counts = (
        Submission.objects.order_by()
        .filter(office=office)
        .clock_running()
        .aggregate(open=Count("pk"), overdue=Count("pk", filter=Q(expected_completion__lt=today)))
    )
    return counts["open"], counts["overdue"]


def figures_for(office: Office, year: FiscalYear) -> tuple[OfficeFigures, datetime.datetime | None]:
    """(figures, when they were computed) — from a fresh snapshot, else counted now (None)."""
    snapshot = (
        StatisticsSnapshot.objects.filter(
            office=office,
            fiscal_year=year.number,
            computed_at__gte=timezone.now() - datetime.timedelta(hours=FRESH_HOURS),
        )
        .only("figures", "computed_at")
        .first()
    )
    if snapshot is None:
        return for_office(year, office), None
    return _load(year, snapshot.figures, *_now_counts(office)), snapshot.computed_at
