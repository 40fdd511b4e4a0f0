"""The tourism index: filters without JavaScript, pagination, events, and a flat query count."""

import datetime as dt

import pytest
from freezegun import freeze_time

from tests.query_counts import uncached_queries
from tourism.models import ClosedDate, TourismIndexPage

from .conftest import make_attraction, make_event, make_image

T = dt.time
# Friday 27 November 2026, 20:00 in Bangkok (UTC+7).
FRIDAY_EVENING = "2026-11-27 13:00:00"
SATURDAY_AFTER_MIDNIGHT = "2026-11-27 17:30:00"  # Saturday 00:30 in Bangkok
OFFICE = [(d, T(8, 30), T(16, 30)) for d in range(5)]
NIGHTS = [(4, T(17), T(1)), (5, T(17), T(1))]

pytestmark = pytest.mark.django_db


def titles(response):
    return [card.title for card in response.context["attractions"]]


def test_lists_live_attractions_with_responsive_webp_images(client, index, temple):
    make_attraction(index, "วัดดอย", category=temple, image=make_image())
    draft = make_attraction(index, "ยังไม่เผยแพร่")
    draft.unpublish()
    response = client.get("/th/tourism/")
    assert response.status_code == 200
    assert titles(response) == ["วัดดอย"]
    html = response.content.decode()
    assert 'srcset="' in html and ".webp 400w" in html and ".webp 960w" in html
    assert 'sizes="(min-width: 64rem) 21rem, (min-width: 40rem) 45vw, 94vw"' in html
    assert 'alt="ภาพ' in html


def test_filter_by_category(client, index, temple, market):
    make_attraction(index, "วัดหนึ่ง", category=temple)
    make_attraction(index, "ตลาดหนึ่ง", category=market)
    assert titles(client.get("/th/tourism/?category=market")) == ["ตลาดหนึ่ง"]
    response = client.get("/th/tourism/?category=nonsense")
    assert titles(response) == ["วัดหนึ่ง", "ตลาดหนึ่ง"]
    assert response.context["filters"].category is None


@freeze_time(FRIDAY_EVENING)
def test_open_now_on_a_friday_evening(client, index):
    make_attraction(index, "สำนักงาน", periods=OFFICE)
    make_attraction(index, "ตลาดกลางคืน", periods=NIGHTS)
    make_attraction(index, "จุดชมวิว", always_open=True)
    make_attraction(index, "ไม่ทราบเวลา")
    assert titles(client.get("/th/tourism/?open=now")) == ["ตลาดกลางคืน", "จุดชมวิว"]
    response = client.get("/th/tourism/")
    assert len(titles(response)) == 4
    assert "เปิดอยู่ ถึง 01.00 น." in response.content.decode()


@freeze_time(SATURDAY_AFTER_MIDNIGHT)
def test_open_now_after_midnight_and_on_closed_days(client, index):
    make_attraction(index, "ตลาดกลางคืน", periods=NIGHTS)
    closed_friday = make_attraction(index, "ตลาดปิดวันศุกร์", periods=NIGHTS)
    ClosedDate.objects.create(page=closed_friday, date=dt.date(2026, 11, 27))
    assert titles(client.get("/th/tourism/?open=now")) == ["ตลาดกลางคืน"]


@freeze_time(FRIDAY_EVENING)
def test_events_coming_and_this_month(client, index):
    make_event(index, "ผ่านไปแล้ว", start=dt.date(2026, 11, 2))
    make_event(index, "ธันวาคม", start=dt.date(2026, 12, 5))
    make_event(index, "กำลังจัด", kind="range", start=dt.date(2026, 11, 26), end=dt.date(2026, 11, 29))
    make_event(index, "สงกรานต์", kind="yearly", start=dt.date(2026, 4, 13), end=dt.date(2026, 4, 15))
    make_event(index, "ลอยกระทงทุกปี", kind="yearly", start=dt.date(2025, 11, 5))

    coming = [event.title for event in client.get("/th/tourism/").context["events"]]
    assert coming == ["กำลังจัด", "ธันวาคม", "สงกรานต์", "ลอยกระทงทุกปี"]
    month = [event.title for event in client.get("/th/tourism/?events=month").context["events"]]
    assert month == ["ผ่านไปแล้ว", "ลอยกระทงทุกปี", "กำลังจัด"]
    html = client.get("/th/tourism/").content.decode()
    assert "26–29 พฤศจิกายน 2569" in html  # Buddhist Era on Thai pages
    assert "กำลังจัดอยู่" in html


def test_pagination_keeps_the_filters(client, index, temple, monkeypatch):
    monkeypatch.setattr(TourismIndexPage, "per_page", 2)
    for number in range(5):
        make_attraction(index, f"วัด {number}", category=temple)
    response = client.get("/th/tourism/?category=temple&page=2")
    assert titles(response) == ["วัด 2", "วัด 3"]
    html = response.content.decode()
    assert "?category=temple&amp;page=3" in html and "?category=temple&amp;page=1" in html
    assert titles(client.get("/th/tourism/?category=temple&page=99")) == ["วัด 4"]
    assert titles(client.get("/th/tourism/?page=abc"))[0] == "วัด 0"


def test_unknown_events_filter_is_ignored(client, index):
    assert client.get("/th/tourism/?events=<script>").context["filters"].events == ""


_queries = uncached_queries  # renditions are made on the first view


def test_query_count_does_not_grow_with_the_cards_shown(client, index, temple, monkeypatch):
    monkeypatch.setattr(TourismIndexPage, "per_page", 40)
    image = make_image()
    for _ in range(3):
        make_attraction(index, category=temple, periods=OFFICE, image=image)
        make_event(index, start=dt.date(2030, 1, 1), image=image)
    few = _queries(client, "/th/tourism/")
    for _ in range(12):
        make_attraction(index, category=temple, periods=OFFICE, image=make_image())
        make_event(index, start=dt.date(2030, 1, 2), image=make_image())
    many = _queries(client, "/th/tourism/")
    assert many == few, (few, many)
    assert _queries(client, "/th/tourism/?open=now&category=temple&events=month") <= few + 3


def test_map_page_lists_every_place_with_map_app_links(client, index, temple):
    make_attraction(index, "วัดดอย", lat="19.918200", lon="99.835100", category=temple)
    make_attraction(index, "น้ำตก", lat="19.932100", lon="99.818400")
    response = client.get("/th/tourism/map/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('href="geo:') == 2
    assert "https://www.openstreetmap.org/?mlat=19.918200&amp;mlon=99.835100" in html
    assert "/static/tourism/vendor/leaflet/leaflet.js" in html
    assert "unpkg" not in html and "cdn" not in html.lower()
    assert 'id="tourism-places" type="application/json"' in html
    assert [p.title for p in client.get("/th/tourism/map/?category=temple").context["places"]] == ["วัดดอย"]
