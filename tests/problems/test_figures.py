"""Figures per division and category: received, closed, fixed, the median working days to fix against
the category's published time; small counts shown as "fewer than 5"; sensitive ones not counted."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from freezegun import freeze_time

from casework import satisfaction
from problems import workflow as report_workflow
from problems.photos import CleanPhoto
from tests.problems.factories import jpeg_bytes, make_report

pytestmark = pytest.mark.django_db

QUESTIONS = [name for name, _question in satisfaction.QUESTIONS]


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
    # received, closed, fixed, share fixed, median days to fix, published time, within it; median days to
    # the first answer, answered within the response time (the 6th is unanswered past its day), reopened,
    # satisfied (no survey answers: not computed)
    assert cells == ["6", "5", "5", "83 %", "2", "7", "100 %", "2", "83 %", "0", "–"], cells
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


def test_monthly_csv_with_answers_fixes_satisfaction_and_reopenings(client, site_pages, admin_user):
    monday = datetime.datetime(2026, 11, 2, 9, tzinfo=datetime.UTC)
    with freeze_time(monday):
        lights = [make_report(code="street-light") for _ in range(7)]
    with freeze_time(monday + datetime.timedelta(days=2)):  # Wednesday: 2 working days
        for report in lights[:6]:
            _fix(report, admin_user)
        for report, score in zip(lights[:5], [5, 5, 4, 2, 5], strict=True):
            satisfaction.rate(report.submission, dict.fromkeys(QUESTIONS, score))
    with freeze_time(monday + datetime.timedelta(days=3)):
        report_workflow.act(lights[5], report_workflow.ReportAction.NOT_FIXED, text="ยังดับอยู่")
    with freeze_time(datetime.datetime(2026, 12, 3, 9, tzinfo=datetime.UTC)):
        response = client.get("/en/reports/figures/monthly.csv")
        thai = client.get("/th/reports/figures/monthly.csv").content
        page = client.get("/en/reports/figures/").content.decode()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="problem-figures-' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the file as UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 12 * 6  # every month of the last 12 and every public category, zeros included
    row = next(r for r in rows if r["Month"] == "2026-11" and r["Problem"] == "Street light out")
    assert {k: row[k] for k in list(row)[3:]} == {
        "Received": "7",
        "Median working days to the first answer": "2",
        "Published response time (working days)": "2",
        "Answered within the published time (%)": "86",
        "Fixed": "5",
        "Share fixed (%)": "71",
        "Median working days to fix": "2",
        "Published resolution time (working days)": "7",
        "Fixed within the published time (%)": "100",
        "Reopened by the reporter": "<5",
        "Satisfaction answers": "5",
        "Satisfied (4 or 5 of 5, %)": "80",
        "Mean satisfaction (1–5)": "4.2",
    }
    december = next(r for r in rows if r["Month"] == "2026-12" and r["Problem"] == "Street light out")
    assert december["Received"] == "0" and december["Share fixed (%)"] == ""
    assert not any("Corruption" in r["Problem"] for r in rows)
    text = thai.decode("utf-8-sig")
    assert text.startswith("เดือน,") and "ไฟฟ้าส่องสว่างดับ" in text
    assert "80 % of 5 answers" in page and 'href="/en/reports/figures/monthly.csv"' in page
