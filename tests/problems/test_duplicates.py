"""A new report close to an open one (same category, within 50 m or the same village and road, last 30
days) shows the existing ones first; "I have this problem too" counts one supporter per browser session,
shown on the board without personal data."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from problems import services
from problems.models import ProblemReport, Support
from tests.problems.factories import category, make_report

pytestmark = pytest.mark.django_db


def _where(client, where, code="street-light"):
    client.post("/th/reports/new/", {"category": category(code).pk})
    return client.post("/th/reports/new/where/", where)


def _place(report, latitude, longitude):
    ProblemReport.objects.filter(pk=report.pk).update(latitude=latitude, longitude=longitude)


def test_a_report_within_fifty_metres_is_offered_for_support(client, site_pages):
    existing = make_report(road="ถนนสายหลัก")
    _place(existing, "18.795000", "98.983000")
    response = _where(client, {"latitude": "18.795300", "longitude": "98.983000"})  # about 33 m north
    assert response["Location"] == "/th/reports/new/similar/"
    page = client.get("/th/reports/new/similar/").content.decode()
    assert f"/th/reports/{existing.pk}/support/" in page and "ไม่ใช่ เป็นปัญหาอื่น" in page
    # 200 m away, another category, or closed: a new report as usual.
    assert _where(Client(), {"latitude": "18.796800", "longitude": "98.983000"})["Location"].endswith(
        "/photos/"
    )
    assert _where(Client(), {"latitude": "18.795300", "longitude": "98.983000"}, code="garbage")[
        "Location"
    ].endswith("/photos/")


def test_the_same_village_and_road_is_offered_too_but_not_an_old_or_sensitive_one(client, site_pages):
    existing = make_report(village="3", road="ซอย 5")
    assert _where(client, {"village": "3", "road": "  ซอย  5 "})["Location"].endswith("/similar/")
    ProblemReport.objects.filter(pk=existing.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert _where(Client(), {"village": "3", "road": "ซอย 5"})["Location"].endswith("/photos/")
    make_report(code="corruption", village="4", road="ซอย 9")
    assert _where(Client(), {"village": "4", "road": "ซอย 9"}, code="corruption")["Location"].endswith(
        "/photos/"
    )


def test_support_is_counted_once_per_session_and_shown_on_the_board(client, site_pages):
    report = make_report()
    first = client.post(f"/th/reports/{report.pk}/support/")
    assert first.status_code == 302 and first["Location"] == f"/th/reports/{report.pk}/"
    # The same browser again (a double click, a replayed form): still one.
    client.post(f"/th/reports/{report.pk}/support/")
    client.post(f"/en/reports/{report.pk}/support/")
    report.refresh_from_db()
    assert report.supporters == 1 and Support.objects.count() == 1
    Client().post(f"/th/reports/{report.pk}/support/")
    report.refresh_from_db()
    assert report.supporters == 2
    board = client.get("/en/reports/").content.decode()
    assert "2 more people have this problem" in board
    assert len(Support.objects.first().supporter) == 64  # a keyed hash, nothing personal


def test_a_closed_hidden_or_sensitive_case_takes_no_support(client, site_pages, admin_user):
    hidden = make_report()
    services.set_hidden(hidden, hidden=True, actor=admin_user, reason="ซ้ำ")
    secret = make_report(code="corruption")
    for report in (hidden, secret):
        assert client.post(f"/th/reports/{report.pk}/support/").status_code == 404
    assert client.get(f"/th/reports/{secret.pk}/support/").status_code in (404, 405)
    assert not Support.objects.exists()
