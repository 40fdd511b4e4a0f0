"""Figures per division and category: received, closed, fixed, the median working days to fix against
the category's published time; small counts shown as "fewer than 5"; sensitive ones not counted."""

import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time

from problems import workflow as report_workflow
from problems.photos import CleanPhoto
from tests.problems.factories import jpeg_bytes, make_report

pytestmark = pytest.mark.django_db


def _fix(report, officer):
    report_workflow.act(
        report,
        report_workflow.ReportAction.CLOSE,
        actor=officer,
        text="ซ่อมแล้ว",
        photo=CleanPhoto(jpeg_bytes(), 64, 48, None),
    )


def test_counts_medians_and_small_counts(client, site_pages, admin_user):
    monday = datetime.datetime(2026, 11, 2, 9, tzinfo=datetime.UTC)
    with freeze_time(monday):
        lights = [make_report(code="street-light") for _ in range(6)]
        make_report(code="garbage")
        make_report(code="corruption")
    with freeze_time(monday + datetime.timedelta(days=2)):  # Wednesday: 2 working days
        for report in lights[:5]:
            _fix(report, admin_user)
    with freeze_time(monday + datetime.timedelta(days=3)):
        page = client.get("/en/reports/figures/").content.decode()
    row = page.split("Street light out")[1].split("</tr>")[0]
    cells = [c.split("</td>")[0].strip() for c in row.split("<td>")[1:]]
    assert cells == ["6", "5", "5", "83 %", "2", "7", "100 %"], cells
    garbage = page.split("Garbage not collected")[1].split("</tr>")[0]
    assert "fewer than 5" in garbage and "%" not in garbage
    assert "Corruption" not in page
    thai = client.get("/th/reports/figures/").content.decode()
    assert "น้อยกว่า 5" in thai


def test_the_figures_are_the_host_offices_and_linked_from_the_board(client, site_pages):
    page = client.get("/th/reports/").content.decode()
    assert 'href="/th/reports/figures/"' in page
    assert client.get("/th/reports/figures/").status_code == 200
    with freeze_time(timezone.now() + datetime.timedelta(days=400)):
        assert client.get("/en/reports/figures/").status_code == 200
