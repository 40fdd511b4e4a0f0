"""The nightly snapshot (`manage.py refresh_statistics`): the page shows the same figures from it as
counted live, says when they were counted, counts what is open today on each visit, and falls back to
counting live when the snapshot is stale."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from casework.models import SatisfactionRating
from performance.models import StatisticsSnapshot
from tests.casework.factories import make_submission, on
from tests.offices.test_overview import COMMENT, NAMES, _decided

pytestmark = pytest.mark.django_db

URL = "/th/statistics/"
MONDAY, FRIDAY = datetime.date(2026, 11, 2), datetime.date(2026, 11, 6)
TODAY = "2026-12-06 12:00:00+07:00"


@pytest.fixture
def requests(offices):
    first, _second, a_permit, a_garbage, _b = offices
    for n in range(7):
        done = _decided(a_permit, MONDAY, FRIDAY, name=n)
        SatisfactionRating.objects.create(submission=done, score=3 + n % 3, speed=4, comment=COMMENT)
    for _ in range(6):
        make_submission(a_garbage, channel="counter", submitted_at=on(MONDAY))
    return offices


def _shown(page):
    context = page.context
    return (
        [
            (r.title, r.received, r.decided, r.median_days, r.percentile_90_days, r.satisfied_percent)
            for r in context["rows"]
        ],
        context["months"],
        context["channels"],
        [(q.name, q.answers, q.mean) for q in context["survey"]],
        context["open_now"],
    )


@freeze_time(TODAY)
def test_the_page_shows_the_same_figures_from_the_snapshot(requests):
    live = Client().get(URL)
    assert live.context["computed_at"] is None
    out = io.StringIO()
    call_command("refresh_statistics", stdout=out)
    assert StatisticsSnapshot.objects.count() == 4  # two offices, this fiscal year and the previous one
    stored = Client().get(URL)
    assert stored.context["computed_at"] is not None
    assert _shown(stored) == _shown(live)
    html = stored.content.decode()
    assert 'ตัวเลขของปีนี้นับเมื่อ <span class="nobr">6 ธันวาคม 2569</span> เวลา 12:00 น.' in html
    snapshot = str(StatisticsSnapshot.objects.values_list("figures", flat=True).first())
    for personal in (*NAMES, COMMENT, "example.com"):
        assert personal not in snapshot


@freeze_time(TODAY)
def test_what_is_open_today_is_counted_on_each_visit_and_a_stale_snapshot_is_not_used(requests):
    call_command("refresh_statistics", stdout=io.StringIO())
    first, _second, a_permit, *_ = requests
    for _ in range(5):
        make_submission(a_permit, submitted_at=on(datetime.date(2026, 12, 4)))
    page = Client().get(URL)
    assert page.context["open_now"] == 11  # 6 garbage fees and the 5 new permits, counted now
    permit = next(row for row in page.context["rows"] if row.received == 7)
    assert permit.decided == 7  # the year's figures are last night's
    StatisticsSnapshot.objects.update(computed_at=timezone.now() - datetime.timedelta(hours=37))
    page = Client().get(URL)
    assert page.context["computed_at"] is None
    assert sorted(row.received for row in page.context["rows"]) == [6, 12]
