"""The public board and Open311's list run the same number of queries for 10 cases as for 60 (the
benchmark, tests/bench/bench_problems_board.py, measures 10,000): a page of cases costs a fixed number
of queries, whatever their states, photos and answers."""

import pytest

from problems import services
from problems.models import ProblemReport
from tests.problems.factories import make_report
from tests.query_counts import uncached_queries

pytestmark = pytest.mark.django_db

URLS = [
    "/th/reports/",
    "/en/reports/?page=2",
    "/th/reports/?category=street-light&state=received",
    "/open311/v2/requests.json",
    "/open311/v2/requests.xml?page_size=5&page=2",
]


def _add(count, officer):
    for number in range(count):
        report = make_report(
            code=["street-light", "garbage", "pothole"][number % 3], village=str(number % 9 + 1)
        )
        if number % 4 == 0:
            services.answer_in_public(report, actor=officer, text=f"รับเรื่องที่ {number} แล้ว")


def test_the_query_count_is_the_same_for_10_and_60_cases(client, site_pages, admin_user):
    _add(10, admin_user)
    few = {url: uncached_queries(client, url) for url in URLS}
    _add(50, admin_user)
    assert ProblemReport.objects.count() == 60
    many = {url: uncached_queries(client, url) for url in URLS}
    assert many == few
    assert max(few.values()) <= 6, few
