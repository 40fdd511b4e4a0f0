"""Attraction and event pages: hours, nearby places, structured data, Open Graph and validation."""

import datetime as dt
import json
import re

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from tourism.models import ClosedDate, EventPage
from tourism.queries import nearby_attractions

from .conftest import make_attraction, make_event, make_image

T = dt.time
pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def og(html, prop):
    match = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)
    return match and match.group(1)


def test_nearby_are_the_three_closest_others_in_the_same_language(index, english):
    here = make_attraction(index, "ที่นี่", lat="19.9105", lon="99.8406")
    make_attraction(index, "ไกล", lat="20.2000", lon="100.1000")
    make_attraction(index, "ใกล้สุด", lat="19.9110", lon="99.8410")
    make_attraction(index, "กลาง", lat="19.9500", lon="99.8500")
    make_attraction(index, "ใกล้", lat="19.9200", lon="99.8400")
    make_attraction(index, "ยังไม่เผยแพร่", lat="19.9106", lon="99.8406").unpublish()
    found = nearby_attractions(here, 3)
    assert [page.title for page, _km in found] == ["ใกล้สุด", "ใกล้", "กลาง"]
    assert found[0][1] < 0.1 < found[1][1] < found[2][1]


@freeze_time("2026-11-27 13:00:00")  # Friday 20:00 in Bangkok
def test_attraction_page(client, index, temple):
    image = make_image()
    page = make_attraction(
        index,
        "ตลาดกลางคืน",
        category=temple,
        image=image,
        periods=[(4, T(17), T(1)), (5, T(17), T(1))],
        phone="053-123-456",
        address="หน้าสำนักงาน",
        entry_fee="ฟรี",
        wheelchair_access="yes",
    )
    ClosedDate.objects.create(page=page, date=dt.date(2026, 12, 5))
    make_attraction(index, "ใกล้ ๆ", lat="19.9110", lon="99.8410", image=image)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "เปิดอยู่ ถึง 01.00 น." in html
    assert "5 ธันวาคม 2569" in html  # the closed date, in the Buddhist Era
    assert "ใกล้ ๆ" in html and "สถานที่ใกล้เคียง" in html
    assert 'href="geo:19.910500,99.840600' in html and "tel:053123456" in html

    data = json_ld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "TouristAttraction"
    assert data["name"] == "ตลาดกลางคืน"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 19.9105, "longitude": 99.8406}
    assert data["url"] == "http://testserver" + page.url
    assert data["image"][0].startswith("http://testserver/") and data["image"][0].endswith(".jpg")
    weekly = [s for s in data["openingHoursSpecification"] if "dayOfWeek" in s]
    assert weekly[0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Friday",
        "opens": "17:00",
        "closes": "01:00",
    }
    closed = [s for s in data["openingHoursSpecification"] if "validFrom" in s]
    assert closed == [
        {"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00",
         "validFrom": "2026-12-05", "validThrough": "2026-12-05"}
    ]  # fmt: skip
    assert data["telephone"] == "053-123-456"

    assert og(html, "og:title") == "ตลาดกลางคืน"
    assert og(html, "og:locale") == "th_TH"
    assert og(html, "og:image").startswith("http://testserver/media/")
    assert og(html, "og:image:width") == "1200"
    assert 'name="twitter:card" content="summary_large_image"' in html


def test_json_ld_cannot_close_its_script(client, index):
    page = make_attraction(index, "A </script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["name"] == "A </script><script>alert(1)</script>"


@freeze_time("2026-11-27 13:00:00")
def test_event_page_at_an_attraction(client, index):
    place = make_attraction(index, "อ่างเก็บน้ำ", address="หมู่ 2")
    event = make_event(
        index,
        "ลอยกระทง",
        kind="range",
        start=dt.date(2026, 12, 24),
        end=dt.date(2026, 12, 25),
        start_time=T(17),
        place_page=place,
        place_name="",
        organiser="เทศบาล",
    )
    html = client.get(event.url).content.decode()
    assert "24–25 ธันวาคม 2569" in html and "17.00 น." in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-12-24T17:00:00+07:00"
    assert data["endDate"] == "2026-12-25"
    assert data["location"]["@type"] == "Place" and data["location"]["name"] == "อ่างเก็บน้ำ"
    assert data["location"]["geo"]["latitude"] == 19.9105
    assert data["organizer"] == {"@type": "Organization", "name": "เทศบาล"}
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    # The attraction lists the event.
    assert "ลอยกระทง" in client.get(place.url).content.decode()


@freeze_time("2026-11-27 13:00:00")
def test_yearly_event_announces_its_next_occurrence(client, index):
    event = make_event(index, "สงกรานต์", kind="yearly", start=dt.date(2026, 4, 13), end=dt.date(2026, 4, 15))
    html = client.get(event.url).content.decode()
    assert "13–15 เมษายน 2570" in html
    assert "จัดทุกปี เริ่มวันที่ 13 เมษายน" in html
    data = json_ld(html)
    assert data["startDate"] == "2027-04-13" and data["endDate"] == "2027-04-15"
    assert data["eventSchedule"]["repeatFrequency"] == "P1Y"
    assert data["location"]["name"] == "ลานกิจกรรม"


@freeze_time("2026-11-27 13:00:00")
def test_past_event_says_it_is_over(client, index):
    event = make_event(index, "งานเก่า", start=dt.date(2026, 1, 5))
    assert "กิจกรรมนี้จบแล้ว" in client.get(event.url).content.decode()


def test_event_validation(index):
    event = EventPage(title="x", slug="x", summary="s", date_kind="range", start_date=dt.date(2026, 5, 2))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) == {"end_date", "place_name"}
    event.end_date, event.place_name = dt.date(2026, 5, 1), "ลาน"
    with pytest.raises(ValidationError):
        event.clean()
    single = EventPage(
        title="y", slug="y", summary="s", date_kind="single", start_date=dt.date(2026, 5, 2),
        end_date=dt.date(2026, 4, 1), place_name="ลาน",
    )  # fmt: skip
    single.clean()
    assert single.end_date is None
