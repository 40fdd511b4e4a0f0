"""The public service statistics of one office with many requests (issue 15: "statistics over 100,000
requests compute in ≤ 200 ms on PostgreSQL").

Builds one office as `create_office` makes it, with 12 e-services, `BENCH_STATISTICS_REQUESTS`
requests (default 100,000 on PostgreSQL, 5,000 on SQLite) spread over the last twelve months in every
state, about 45 % of them decided, some of those waiting for the citizen first, with survey answers of
five questions on most completed ones, and the Thai national holidays of 2025–2027. Then measures
`national.figures.for_office` (every figure of the page: services, medians and 90th percentiles,
months, channels, open and overdue, the survey) and the whole page, `/th/statistics/`, rendered with
its three charts, for this fiscal year and the previous one (the requests span both).

Precomputed nightly (`manage.py refresh_statistics`, `performance.snapshots`): counted live they take
0.7–1.5 s at this size; the page reads the snapshot and counts only what is open and overdue today. `python -m tests.bench statistics` runs it alone.
"""

import os
import statistics
import time

import holidays
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.db.models.functions import Mod
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page, Site

from casework import deadlines
from casework.models import Holiday, SatisfactionRating, Submission
from national.figures import FiscalYear, for_office
from offices.services import create_office
from performance import snapshots
from tests.bench.bench_national import _first_services, _requests, _vacuum
from tests.bench.util import measure_get

REPEAT = 15


def _holidays():
    found = holidays.Thailand(years=[2025, 2026, 2027])
    Holiday.objects.bulk_create(
        [Holiday(date=day, name=str(name)[:150]) for day, name in sorted(found.items())],
        ignore_conflicts=True,
    )
    deadlines.forget_holidays()


def _five_questions():
    """The answers `_requests` made carry one score; give them the other four questions too."""
    SatisfactionRating.objects.update(
        speed=Mod(F("id"), 5) + 1, staff=Mod(F("id"), 4) + 2, clarity=Mod(F("id"), 3) + 3, ease=5
    )


def _time(function, repeat=REPEAT):
    function()  # warm caches (holidays, office), as every visitor after the first
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings) * 1000, min(timings) * 1000


@override_settings(ALLOWED_HOSTS=["*"])
def run(report):
    postgres = connection.vendor == "postgresql"
    count = int(os.environ.get("BENCH_STATISTICS_REQUESTS") or (100_000 if postgres else 5_000))
    for site in Site.objects.all():
        site.delete()
    for page in Page.get_first_root_node().get_children():
        page.delete()
    office = create_office(hostname="localhost", code="stats", name_th="อบต. สถิติ", name_en="SAO Stats")
    office = type(office).objects.select_related("site__root_page").get(pk=office.pk)
    Site.objects.filter(pk=office.site_id).update(is_default_site=True)
    services = _first_services(office)
    _holidays()
    began = time.perf_counter()
    done = 0
    while done < count:  # in slices: one bulk insert of 100,000 rows with their events is heavy
        size = min(20_000, count - done)
        _requests(office, [s.pk for s in services], size, seed=done + 1)
        done += size
    _five_questions()
    _vacuum()
    report(f"{count} requests (bulk, with events and answers)", time.perf_counter() - began, "s")
    report("requests", Submission.objects.filter(office=office).count(), "")
    report("decided", Submission.objects.filter(office=office, decided_at__isnull=False).count(), "")
    report("survey answers", SatisfactionRating.objects.filter(office=office).count(), "")

    today = timezone.localdate()
    years = (
        ("this fiscal year", FiscalYear.of(today)),
        ("previous fiscal year", FiscalYear(FiscalYear.of(today).number - 1)),
    )
    for label, year in years:
        median, fastest = _time(lambda year=year: for_office(year, office), repeat=5)
        report(f"counted live (for_office), {label}: median", median, "ms")
        report(f"counted live (for_office), {label}: fastest", fastest, "ms")
        report(f"counted live, {label}: decided in the year", for_office(year, office).total.decided, "")
    began = time.perf_counter()
    call_command("refresh_statistics", stdout=open(os.devnull, "w"))  # noqa: SIM115
    report("refresh_statistics (the nightly job), this office, 2 years", time.perf_counter() - began, "s")
    for label, year in years:
        median, fastest = _time(lambda year=year: snapshots.figures_for(office, year))
        report(f"from the snapshot (figures_for), {label}: median", median, "ms")
        with override_settings(TAMBON_PAGE_CACHE_SECONDS=0):
            seconds, queries, size = measure_get(f"/th/statistics/?year={year.number}", repeat=REPEAT)
        report(f"GET /th/statistics/, {label}: median", seconds * 1000, "ms")
        report(f"GET /th/statistics/, {label}: queries", queries, "queries")
        report(f"GET /th/statistics/, {label}: HTML", size, "bytes")
        seconds, _queries, size = measure_get(f"/th/statistics/?year={year.number}&format=json", repeat=5)
        report(f"GET /th/statistics/?format=json, {label}: median", seconds * 1000, "ms")
