"""The public board of reported problems with 10,000 cases: server time (median of 20) and SQL queries of
its list page (the first page, a deep page, filtered by category and state) and of Open311's list, with
100 and then 10,000 cases built with bulk_create. The query counts must not grow with the cases."""

import datetime
import random

from django.db import connection
from django.utils import timezone

from casework.constants import SubmissionStatus
from casework.models import Submission
from offices.lookup import default_office
from problems.models import Category, ProblemPhoto, ProblemReport, PublicAnswer
from tests.bench.util import measure_get
from tests.conftest import build_thai_home

S = SubmissionStatus
STATES = (
    [S.SUBMITTED] * 3
    + [S.IN_REVIEW] * 3
    + [S.WAITING, S.APPROVED]
    + [S.COMPLETED] * 4
    + [S.REJECTED, S.WITHDRAWN]
)


def _add(office, categories, start, count):
    rng = random.Random(start)
    now = timezone.now()
    submissions, reports = [], []
    for number in range(start, start + count):
        category = categories[number % len(categories)]
        made = now - datetime.timedelta(minutes=number * 13)  # 10,000 over about three months
        submissions.append(
            Submission(
                reference=f"RP-69-{number + 1:06d}",
                office=office,
                service=None,
                service_title=category.name_th,
                language="th",
                status=rng.choice(STATES),
                answers=[],
                processing_days=category.resolution_days,
                expected_completion=(made + datetime.timedelta(days=9)).date(),
                submitted_at=made,
            )
        )
    Submission.objects.bulk_create(submissions, batch_size=2000)
    for number, submission in enumerate(submissions, start):
        category = categories[number % len(categories)]
        reports.append(
            ProblemReport(
                submission=submission,
                office=office,
                category=category,
                description=f"ปัญหาที่ {number}",
                village=str(number % 14 + 1),
                road=f"ซอย {number % 30}",
                respond_by=(submission.submitted_at + datetime.timedelta(days=2)).date(),
                created_at=submission.submitted_at,
                hidden=number % 97 == 0,
                supporters=number % 5,
            )
        )
    ProblemReport.objects.bulk_create(reports, batch_size=2000)
    ProblemPhoto.objects.bulk_create(
        [
            ProblemPhoto(report=r, file=f"problems/bench/{r.pk}.jpg", width=1600, height=1200, size=200_000)
            for r in reports
        ],
        batch_size=2000,
    )
    PublicAnswer.objects.bulk_create(
        [PublicAnswer(report=r, text="รับเรื่องแล้ว") for r in reports[::3]], batch_size=2000
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("casework_submission", "problems_problemreport", "problems_problemphoto"):
                cursor.execute(f"VACUUM ANALYZE {table}")


def run(report):
    build_thai_home(site_name="Bench")
    office = default_office()
    categories = list(Category.objects.filter(office=office).order_by("sort_order"))
    pages = {
        "list, first page": "/th/reports/",
        "list, page 200": "/th/reports/?page=200",
        "list, category and state": "/th/reports/?category=pothole&state=in_progress",
        "Open311 requests.json (90 days, up to 1,000)": "/open311/v2/requests.json",
        "Open311 requests.json, page_size=50": "/open311/v2/requests.json?page_size=50",
    }
    total = 0
    for target in (100, 10_000):
        _add(office, categories, total, target - total)
        total = target
        for label, url in pages.items():
            if total == 100 and "page 200" in label:
                continue
            seconds, queries, size = measure_get(url, repeat=20)
            report(f"board {total:,} cases, {label}: server time", seconds * 1000, "ms")
            report(f"board {total:,} cases, {label}: queries", queries, "queries")
        report(f"board {total:,} cases: reports on the board", ProblemReport.objects.count(), "rows")
