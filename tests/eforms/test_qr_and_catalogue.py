import pytest

from eforms.catalogue import search_services
from tests.eforms.factories import make_service

pytestmark = pytest.mark.django_db


def test_qr_codes(client, service):
    svg = client.get(service.url + "qr.svg")
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    png = client.get(service.url + "qr.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")


def test_poster_has_names_qr_short_url_and_office(client, service):
    response = client.get(service.url + "poster/", HTTP_HOST="localhost")  # the site's own address
    text = response.content.decode()
    assert response.status_code == 200
    assert service.title in text and "<svg" in text
    assert "localhost/th/services/test-service" in text


def test_catalogue_groups_and_searches(client, catalogue):
    make_service(
        catalogue, slug="garbage-fee", title="ชำระค่าธรรมเนียมเก็บขยะ", category="payments", fee_amount=40
    )
    make_service(catalogue, slug="light", title="แจ้งซ่อมไฟฟ้าสาธารณะ", category="requests")
    response = client.get(catalogue.url)
    text = response.content.decode()
    assert "การชำระเงิน" in text and "คำร้องขอรับบริการ" in text
    assert "40 บาท" in text and "ไม่มีค่าธรรมเนียม" in text and "15 วันทำการ" not in text
    found = client.get(catalogue.url, {"q": "ไฟฟ้า"}).content.decode()
    assert "แจ้งซ่อมไฟฟ้าสาธารณะ" in found and "ชำระค่าธรรมเนียมเก็บขยะ" not in found


def test_search_ignores_spaces_in_thai(catalogue):
    page = make_service(catalogue, slug="x", title="ขอใบอนุญาตก่อสร้างอาคาร", category="licences")
    assert search_services([page], "ใบอนุญาต ก่อสร้าง") == [page]
    assert search_services([page], "ขยะ") == []
