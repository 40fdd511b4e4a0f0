"""The public statistics against a set of requests computed by hand: pauses, national and local
holidays, requests received in one fiscal year and decided in the next, a request decided the day it
came, one whose waiting time exceeds its working days. Everything below is counted on paper first.

Holidays (only these: the table is emptied first): national Tue 13 Oct 2026, Thu 10 Dec 2026,
Thu 31 Dec 2026, Fri 1 Jan 2027; the first office's own Mon 14 Dec 2026.

Working days are the weekdays d with submitted < d <= decided that are not holidays, less the days
spent waiting for the citizen (never below 0). Fiscal year 2570 runs 1 Oct 2026 – 30 Sep 2027.
"""

import datetime
import json

import pytest
from django.core.cache import cache
from django.test import Client
from freezegun import freeze_time

from casework.models import Holiday, Submission
from national.figures import FiscalYear, for_office
from offices.models import LocalHoliday
from tests.casework.factories import make_submission, on
from tests.offices.test_overview import PERMIT

pytestmark = pytest.mark.django_db
D = datetime.date

#: (name, submitted, decided or None, paused days, deadline, working days by hand)
REQUESTS = [
    # Received in FY 2569, decided in FY 2570: counted as decided in 2570, received in 2569.
    ("A", D(2026, 9, 30), D(2026, 10, 2), 0, D(2026, 10, 5), 2),  # Thu 1, Fri 2
    ("B", D(2026, 9, 28), D(2026, 10, 14), 3, D(2026, 10, 9), 8),  # 29,30,1,2,5-9,12,14 = 11, less 3
    ("C", D(2026, 10, 9), D(2026, 10, 12), 0, D(2026, 10, 15), 1),  # over a weekend
    ("D", D(2026, 10, 12), D(2026, 10, 16), 0, D(2026, 10, 15), 3),  # 13 Oct a holiday; late
    ("E", D(2026, 12, 4), D(2026, 12, 11), 0, D(2026, 12, 9), 4),  # 7,8,9,11 (10 Dec a holiday); late
    ("F", D(2026, 12, 9), D(2026, 12, 15), 0, D(2026, 12, 15), 2),  # 11, 15 (14 Dec local); on the day
    ("G", D(2026, 12, 1), D(2026, 12, 22), 5, D(2026, 12, 22), 8),  # 2-4,7-9,11,15-18,21,22 = 13, less 5
    ("H", D(2026, 12, 17), D(2026, 12, 17), 0, D(2026, 12, 22), 0),  # decided the day it came
    ("I", D(2026, 12, 21), D(2026, 12, 23), 4, D(2026, 12, 28), 0),  # 2 days, 4 waiting: 0, not -2
    ("J", D(2026, 12, 24), D(2027, 1, 4), 0, D(2026, 12, 30), 5),  # 25,28,29,30,4 (31, 1 holidays); late
    # Decided in FY 2569: not in 2570's figures at all.
    ("K", D(2026, 9, 7), D(2026, 9, 10), 0, D(2026, 9, 10), 3),
    # Received in FY 2570, not decided yet: received, open, overdue on 15 January 2027.
    ("L", D(2027, 1, 5), None, 0, D(2027, 1, 8), None),
]
FY = FiscalYear(2570)
TODAY = "2027-01-15 12:00:00+07:00"


@pytest.fixture
def hand_set(offices):
    first, _second, a_permit, *_ = offices
    Holiday.objects.all().delete()
    for day in (D(2026, 10, 13), D(2026, 12, 10), D(2026, 12, 31), D(2027, 1, 1)):
        Holiday.objects.create(date=day, name="วันหยุดราชการ")
    LocalHoliday.objects.create(office=first, date=D(2026, 12, 14), name="งานประจำปีของเทศบาล")
    cache.clear()
    for _name, submitted, decided, paused, deadline, _days in REQUESTS:
        submission = make_submission(
            a_permit, status="approved" if decided else "submitted", submitted_at=on(submitted)
        )
        Submission.objects.filter(pk=submission.pk).update(
            decided_at=on(decided) if decided else None, paused_days=paused, expected_completion=deadline
        )
    return first


def _permit(rows):
    return next(row for row in rows if row.title == PERMIT)


@freeze_time(TODAY)
def test_median_and_ninetieth_percentile_of_the_requests_themselves(hand_set):
    figures = for_office(FY, hand_set)
    permit = _permit(figures.services)
    # Decided in FY 2570 (A–J): 2, 8, 1, 3, 4, 2, 8, 0, 0, 5 → sorted 0 0 1 2 2 | 3 4 5 8 8.
    assert permit.days == {0: 2, 1: 1, 2: 2, 3: 1, 4: 1, 5: 1, 8: 2}
    assert permit.decided == 10
    assert permit.median_days == 2.5  # the mean of the 5th and 6th: (2 + 3) / 2
    assert permit.percentile_90_days == 8  # nearest rank: the 9th of 10
    assert permit.received == 9  # C–J and L; A, B and K were received in FY 2569
    assert permit.within_legal_time == 6  # A, C, F (on the day), G, H, I
    assert (figures.open_now, figures.overdue_now) == (1, 1)  # L, due 8 January


@freeze_time(TODAY)
def test_by_month_each_figure_by_the_date_of_its_own_event(hand_set):
    months = {row.month: (row.received, row.decided) for row in for_office(FY, hand_set).months}
    assert months[D(2026, 10, 1)] == (2, 4)  # received C, D; decided A, B, C, D
    assert months[D(2026, 11, 1)] == (0, 0)
    assert months[D(2026, 12, 1)] == (6, 5)  # received E–J; decided E–I
    assert months[D(2027, 1, 1)] == (1, 1)  # received L; decided J
    assert len(months) == 12 and min(months) == D(2026, 10, 1) and max(months) == D(2027, 9, 1)


@freeze_time(TODAY)
def test_the_previous_fiscal_year_has_the_requests_received_before_1_october(hand_set):
    permit = _permit(for_office(FiscalYear(2569), hand_set).services)
    assert (permit.received, permit.decided, permit.median_days) == (3, 1, 3)  # A, B, K; K in 3 days


@freeze_time(TODAY)
def test_the_page_shows_them_with_the_small_count_rule(hand_set):
    page = Client().get("/th/statistics/", {"year": "2570"})
    permit = _permit(page.context["rows"])
    assert (permit.received, permit.decided, permit.median_days, permit.percentile_90_days) == (9, 10, 2.5, 8)
    assert permit.within_percent == 60
    months = {label: (received, decided) for label, received, decided in page.context["months"]}
    # October: 2 received, 4 decided; January: 1 and 1 — each "fewer than 5"; 0 stays 0.
    assert months["ตุลาคม 2569"] == (None, None)
    assert months["ธันวาคม 2569"] == (6, 5) and months["พฤศจิกายน 2569"] == (0, 0)
    assert months["มกราคม 2570"] == (None, None)
    assert page.context["open_now"] is None and page.context["overdue_now"] is None  # one each
    text = page.content.decode()
    assert "น้อยกว่า 5" in text and "2.5" in text
    data = json.loads(Client().get("/en/statistics/", {"year": "2570", "format": "json"}).content)
    assert data["all_services"]["median_days"] == 2.5 and data["all_services"]["percentile_90_days"] == 8
    assert data["months"][0] == {"month": "2026-10", "received": None, "decided": None}
