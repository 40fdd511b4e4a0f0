"""The public statistics in Chromium (issue 15): in Thai and English, with figures, small counts and
all three charts, axe-core finds nothing at all (best practice included) at a desktop's and a phone's
width; with JavaScript switched off the charts and their tables are all there."""

import datetime

import pytest

from casework.constants import SurveySource
from casework.models import SatisfactionRating
from tests.browser.conftest import accessibility_findings, save_screenshot
from tests.casework.factories import make_submission, on
from tests.offices.conftest import _hosts, first_office  # noqa: F401
from tests.offices.test_overview import _decided, offices  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

MONDAY, FRIDAY = datetime.date(2026, 10, 5), datetime.date(2026, 10, 9)


@pytest.fixture
def figures(offices):  # noqa: F811
    first, _second, a_permit, a_garbage, _b = offices
    for n in range(8):
        done = _decided(a_permit, MONDAY, FRIDAY + datetime.timedelta(days=7 * (n % 3)), name=n)
        SatisfactionRating.objects.create(
            submission=done,
            score=2 + n % 4,
            speed=4,
            staff=5,
            clarity=3 + n % 2,
            ease=4,
            created_at=on(FRIDAY),
        )
    for _ in range(3):
        make_submission(a_garbage, channel="counter", submitted_at=on(MONDAY))
    SatisfactionRating.objects.create(
        office=first, score=5, source=SurveySource.COUNTER, created_at=on(FRIDAY)
    )
    return offices


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_statistics_page_has_no_accessibility_finding(live_server, chromium, figures, language):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/{language}/statistics/?year=2570")
    assert page.locator("svg[role=img]").count() == 3
    # Services, months, each service by month, ways of sending, survey.
    assert page.locator("table.statistics-table").count() == 5
    assert accessibility_findings(page) == []
    page.set_viewport_size({"width": 360, "height": 800})
    assert accessibility_findings(page) == []
    # Nothing wider than the phone's screen but the tables' own scrolling regions.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, f"statistics-{language}-360")
    assert errors == []
    context.close()


def test_the_statistics_page_works_without_javascript(live_server, chromium, figures):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/th/statistics/")
    charts = page.locator("svg[role=img]")
    assert charts.count() == 3
    for index in range(3):
        box = charts.nth(index).bounding_box()
        assert box and box["width"] > 300 and box["height"] > 40
    assert page.locator("svg[role=img] rect").count() > 10
    assert page.get_by_role("table", name="คำขอแยกตามเดือน").is_visible()
    assert page.get_by_role("img", name="คำขอที่รับและที่พิจารณาแล้วรายเดือน ปีงบประมาณ 2570").is_visible()
    # Choosing another year is a plain form.
    page.select_option("#statistics-year", "2569")
    page.get_by_role("button", name="แสดง").click()
    assert "year=2569" in page.url and page.locator("svg[role=img]").count() == 3
    save_screenshot(page, "statistics-th-no-js")
    context.close()
