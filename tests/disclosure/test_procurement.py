"""Procurement notices carry the facts the disclosure rules ask for (method, budget, winner, price, date of
the contract), checked on entry, and `/th/procurement/` sums them up per fiscal year."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from freezegun import freeze_time

from home.models import NewsIndexPage, NewsItemPage
from home.models.pages import ProcurementMethod
from tests.offices.conftest import SECOND_HOST

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 6)  # fiscal year 2570


@pytest.fixture
def news(thai_home):
    index = NewsIndexPage(title="ข่าวสาร", slug="news")
    thai_home.add_child(instance=index)
    index.save_revision().publish()
    return index


def notice(parent, slug, title, **facts):
    page = NewsItemPage(title=title, slug=slug, kind=NewsItemPage.Kind.PROCUREMENT, **facts)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def notices(news):
    return [
        notice(
            news,
            "road",
            "ประกวดราคาจ้างก่อสร้างถนน หมู่ที่ 3",
            date=datetime.date(2026, 11, 1),
            procurement_method=ProcurementMethod.E_BIDDING,
            procurement_budget=Decimal(1_250_000),
        ),
        notice(
            news,
            "computers",
            "ผู้ชนะการเสนอราคาซื้อคอมพิวเตอร์",
            date=datetime.date(2026, 9, 21),  # announced in 2569, signed in 2570
            procurement_method=ProcurementMethod.SPECIFIC,
            procurement_budget=Decimal(100_000),
            procurement_winner="ห้างหุ้นส่วนจำกัดดอยงามคอมพิวเตอร์",
            procurement_price=Decimal(96_000),
            procurement_date=datetime.date(2026, 10, 5),
        ),
        notice(
            news,
            "last-year",
            "จ้างซ่อมหลังคาศาลาประชาคม",
            date=datetime.date(2026, 3, 1),
            procurement_method=ProcurementMethod.SPECIFIC,
            procurement_budget=Decimal(40_000),
        ),
    ]


@freeze_time(TODAY)
def test_the_summary_sums_up_the_years_notices_by_method(notices):
    response = Client().get("/th/procurement/")
    assert response.status_code == 200
    titles = [n.title for n in response.context["notices"]]
    assert titles == ["ผู้ชนะการเสนอราคาซื้อคอมพิวเตอร์", "ประกวดราคาจ้างก่อสร้างถนน หมู่ที่ 3"]
    totals = {t.method: (t.count, t.budget, t.awarded, t.price) for t in response.context["totals"]}
    assert totals == {
        "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)": (1, Decimal(1_250_000), 0, Decimal(0)),
        "วิธีเฉพาะเจาะจง": (1, Decimal(100_000), 1, Decimal(96_000)),
    }
    text = response.content.decode()
    assert "1,350,000 บาท" in text and "96,000 บาท" in text and "5 ตุลาคม 2569" in text
    assert "ยังไม่ประกาศผล" in text  # the road: no winner yet
    last_year = Client().get("/th/procurement/?year=2569").context["notices"]
    assert [n.title for n in last_year] == ["จ้างซ่อมหลังคาศาลาประชาคม"]


@freeze_time(TODAY)
def test_unpublished_and_other_offices_notices_are_left_out(notices, second_office):
    notices[0].unpublish()
    assert len(Client().get("/th/procurement/").context["notices"]) == 1
    assert Client(HTTP_HOST=SECOND_HOST).get("/th/procurement/").context["notices"] == []


@freeze_time(TODAY)
def test_the_english_summary_names_the_methods_in_english(notices):
    text = Client().get("/en/procurement/").content.decode()
    assert "Electronic bidding (e-bidding)" in text and "1,350,000 baht" in text
    # Not translated yet: the Thai title, marked as Thai.
    assert 'lang="th" hreflang="th">ประกวดราคาจ้างก่อสร้างถนน หมู่ที่ 3</a>' in text


@translation.override("th")
def test_contradicting_facts_are_refused(news):
    page = NewsItemPage(title="ข่าวทั่วไป", slug="plain", kind=NewsItemPage.Kind.NEWS, procurement_budget=1000)
    with pytest.raises(ValidationError) as refused:
        page.clean()
    assert "ใช้กับประกาศจัดซื้อจัดจ้างเท่านั้น" in refused.value.message_dict["procurement_budget"][0]
    page = NewsItemPage(
        title="ผลการจัดซื้อ",
        slug="result",
        kind=NewsItemPage.Kind.PROCUREMENT,
        procurement_method=ProcurementMethod.SPECIFIC,
        procurement_budget=Decimal(1000),
        procurement_price=Decimal(1200),
    )
    with pytest.raises(ValidationError) as refused:
        page.clean()
    errors = refused.value.message_dict
    assert "ต้องไม่เกินวงเงินงบประมาณ" in errors["procurement_price"][0]
    assert "ครบทั้งสามอย่าง" in errors["procurement_winner"][0] and "procurement_date" in errors


def test_the_admin_asks_a_procurement_notice_for_its_method_and_budget(news, client, communications_user):
    client.force_login(communications_user)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "newsitempage", news.pk]),
        {
            "title": "ประกาศจัดซื้อวัสดุสำนักงาน",
            "slug": "",
            "date": "2026-12-01",
            "kind": "procurement",
            "summary": "",
            "image_alt_text": "",
            "body-count": 0,
            "procurement_method": "",
            "procurement_budget": "",
            "procurement_winner": "",
            "procurement_price": "",
            "procurement_date": "",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "ประกาศจัดซื้อจัดจ้างต้องระบุวิธีจัดซื้อจัดจ้าง" in text
    assert "ประกาศจัดซื้อจัดจ้างต้องระบุวงเงินงบประมาณ" in text
    assert not NewsItemPage.objects.filter(title="ประกาศจัดซื้อวัสดุสำนักงาน").exists()
