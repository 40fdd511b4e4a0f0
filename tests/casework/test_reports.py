"""The monthly report's figures on known data, its chart and CSV."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import reports
from casework.models import SatisfactionRating, Submission
from tests.casework.factories import make_submission, on

D = datetime.date


@pytest.fixture
def known(handled_service):
    # Three requests received in March 2026, two completed in March, one in April.
    a = make_submission(
        handled_service,
        submitted_at=on(D(2026, 3, 2)),
        status="completed",
        completed_at=on(D(2026, 3, 5)),
        expected_completion=D(2026, 3, 9),
    )  # 3 working days
    b = make_submission(
        handled_service,
        submitted_at=on(D(2026, 3, 2)),
        status="completed",
        completed_at=on(D(2026, 3, 13)),
        expected_completion=D(2026, 3, 9),
    )  # 8, late
    c = make_submission(
        handled_service,
        submitted_at=on(D(2026, 3, 16)),
        status="completed",
        completed_at=on(D(2026, 4, 1)),
        expected_completion=D(2026, 4, 2),
        paused_days=2,
    )  # 12 − 2 paused = 10
    make_submission(handled_service, submitted_at=on(D(2026, 4, 20)))
    for submission, score, day in ((a, 5, D(2026, 3, 6)), (b, 2, D(2026, 3, 20)), (c, 4, D(2026, 4, 3))):
        SatisfactionRating.objects.create(submission=submission, score=score, created_at=on(day))
    return handled_service  # fmt: skip


def test_figures(known):
    rows = reports.monthly(Submission.objects.all(), 2026)
    march, april = rows[2], rows[3]
    assert (march.received, march.completed, march.within_deadline, march.late) == (3, 2, 1, 1)
    assert march.median_days == 5  # median of 2 and 8 (Makha Bucha, 3 March, is a holiday)
    assert march.within_share == 0.5 and march.satisfied_share == 0.5
    assert (april.received, april.completed, april.median_days, april.within_share) == (1, 1, 10, 1.0)
    assert april.satisfied_share == 1.0
    total = reports.totals(rows)
    assert (total.received, total.completed, total.late, total.ratings, total.satisfied) == (4, 3, 1, 3, 2)
    assert rows[0].received == 0 and rows[0].within_share is None


def test_report_page_chart_and_csv(client, permit_officer, known):
    client.force_login(permit_officer)
    page = client.get(reverse("inbox:report"), {"year": 2026, "service": known.pk})
    content = page.content.decode()
    assert page.status_code == 200 and "<svg" in content and "2569" in content  # Buddhist Era in Thai
    csv_text = client.get(reverse("inbox:report"), {"year": 2026, "format": "csv"}).content.decode()
    assert "2026-03,3,2,5.0,50%,1,2,50%" in csv_text
    assert client.get(reverse("inbox:report"), {"year": "abc", "service": "x"}).status_code == 200


def test_the_report_counts_only_the_officers_services(client, other_officer, known):
    client.force_login(other_officer)
    page = client.get(reverse("inbox:report"), {"year": 2026})
    assert all(row.received == 0 for _label, row, *_rest in page.context["rows"])


def test_timezone_month_boundaries(handled_service):
    # 31 March 23:30 in Bangkok is still March, though it is 16:30 UTC.
    late_evening = timezone.make_aware(datetime.datetime(2026, 3, 31, 23, 30))
    make_submission(handled_service, submitted_at=late_evening)
    rows = reports.monthly(Submission.objects.all(), 2026)
    assert rows[2].received == 1 and rows[3].received == 0
