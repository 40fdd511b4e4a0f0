"""The admin report finds the items with nothing linked, those linked to unpublished pages and those not
updated within the period they require; an office's staff see only their own office's."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time

from disclosure.constants import Problem, UpdateEvery
from disclosure.report import report
from home.models import InformationPage
from tests.conftest import make_staff
from tests.disclosure.factories import YEAR, make_item

pytestmark = pytest.mark.django_db


def page(parent, slug, published_on):
    made = InformationPage(title=f"หน้า {slug}", slug=slug)
    parent.add_child(instance=made)
    with freeze_time(published_on):
        made.save_revision().publish()
    return made


@pytest.fixture
def checklist(first_office, thai_home):
    fresh = page(thai_home, "fresh", datetime.datetime(2026, 11, 20, 10))
    old = page(thai_home, "old", datetime.datetime(2026, 8, 1, 10))
    hidden = page(thai_home, "hidden", datetime.datetime(2026, 11, 20, 10))
    hidden.unpublish()
    return {
        "O1": make_item(first_office, "O1", "ครบถ้วน", links=[fresh]),
        "O2": make_item(first_office, "O2", "ไม่มีลิงก์"),
        "O3": make_item(first_office, "O3", "ยังไม่เผยแพร่", links=[hidden]),
        "O4": make_item(first_office, "O4", "ปีที่แล้ว", links=[old]),  # yearly: before 1 October
        "O5": make_item(first_office, "O5", "รายเดือน", links=[old], update_every=UpdateEvery.MONTHLY),
        "O6": make_item(first_office, "O6", "สถิติ", links=["statistics"], update_every=UpdateEvery.MONTHLY),
        "O7": make_item(first_office, "O7", "รายไตรมาส", links=[fresh], update_every=UpdateEvery.QUARTERLY),
    }


def kinds(rows):
    return {row.item.code: [finding.kind for finding in row.findings] for row in rows}


def test_the_report_finds_missing_unpublished_and_stale_items(checklist, first_office):
    rows = report(first_office, YEAR, today=datetime.date(2026, 12, 6))
    assert kinds(rows) == {
        "O1": [],
        "O2": [Problem.MISSING],
        "O3": [Problem.UNPUBLISHED],
        "O4": [Problem.STALE],
        "O5": [Problem.STALE],
        "O6": [],  # a live page is computed on each visit
        "O7": [],
    }
    # Four months later the quarterly item is stale too.
    later = kinds(report(first_office, YEAR, today=datetime.date(2027, 3, 25)))
    assert later["O7"] == [Problem.STALE] and later["O1"] == []


def test_a_deleted_page_leaves_the_item_missing(checklist, first_office):
    checklist["O1"].links.first().page.delete()
    rows = {row.item.code: row for row in report(first_office, YEAR, today=datetime.date(2026, 12, 6))}
    assert [f.kind for f in rows["O1"].findings] == [Problem.MISSING]


@freeze_time("2026-12-06 10:00")
def test_the_report_page_in_the_admin(checklist, client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("disclosure_report"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "ยังไม่ได้เชื่อมโยงข้อมูล" in text and "เชื่อมโยงกับหน้าที่ยังไม่เผยแพร่" in text
    assert "ไม่ได้ปรับปรุงตามกำหนด" in text and "หน้า hidden" in text
    assert "ปรับปรุงล่าสุดเมื่อ 1 สิงหาคม 2569 แต่ต้องปรับปรุงทุกเดือน" in text


def test_the_report_is_for_staff_who_keep_the_checklist(checklist, client, django_user_model, permit_officer):
    assert Client().get(reverse("disclosure_report")).status_code == 302  # to the sign-in page
    client.force_login(permit_officer)
    assert client.get(reverse("disclosure_report")).status_code in (302, 403)
    client.force_login(make_staff(django_user_model, "comms-report", "Communications staff"))
    assert client.get(reverse("disclosure_report")).status_code == 200
