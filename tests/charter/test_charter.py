"""The citizen's charter (issue 15, part 2): one public page per office listing its live e-services with
the legal time, the office's shorter promise, the fee and the division — made from the service pages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import PageViewRestriction

from eforms.models import EServicePage, ServiceCataloguePage
from tests.conftest import publish_translation
from tests.eforms.factories import make_service
from tests.offices.conftest import SECOND_HOST

pytestmark = pytest.mark.django_db


@pytest.fixture
def services(catalogue):
    permit = make_service(
        catalogue,
        slug="building-permit",
        title="ขออนุญาตก่อสร้างอาคาร",
        reference_prefix="BP",
        processing_days=45,
        promised_days=30,
        fee_amount=Decimal("1200"),
        responsible_division="กองช่าง",
        contact_phone="053-123-456",
    )
    garbage = make_service(
        catalogue,
        slug="garbage-fee",
        title="ชำระค่าธรรมเนียมเก็บขยะ",
        reference_prefix="GF",
        processing_days=1,
        responsible_division="กองคลัง",
    )
    return permit, garbage


def rows(response):
    return {s.title: s for _value, _label, standards in response.context["sections"] for s in standards}


def test_the_charter_lists_the_offices_services_with_times_fees_and_divisions(services):
    response = Client().get("/th/charter/")
    assert response.status_code == 200
    listed = rows(response)
    permit = listed["ขออนุญาตก่อสร้างอาคาร"]
    assert (permit.legal_days, permit.promised_days, permit.fee, permit.division) == (
        45,
        30,
        "1,200 บาท",
        "กองช่าง",
    )
    garbage = listed["ชำระค่าธรรมเนียมเก็บขยะ"]
    assert (garbage.legal_days, garbage.promised_days, garbage.fee) == (1, None, "ไม่มีค่าธรรมเนียม")
    text = response.content.decode()
    assert "ระยะเวลาตามกฎหมาย (วันทำการ)" in text and "<td>45</td>" in text and "<strong>30</strong>" in text
    assert "1,200 บาท" in text and "ตามกฎหมาย</span>" in text  # the garbage fee: no promise of its own
    assert "กฎบัตรการให้บริการประชาชน" in text
    assert 'href="/th/services/building-permit/"' in text


def test_unpublished_and_private_services_are_absent(services):
    permit, garbage = services
    garbage.unpublish()
    PageViewRestriction.objects.create(page=permit, restriction_type=PageViewRestriction.LOGIN)
    assert rows(Client().get("/th/charter/")) == {}
    assert "ยังไม่มีบริการออนไลน์" in Client().get("/th/charter/").content.decode()


def test_a_promise_is_shown_only_where_shorter_than_the_law(services):
    permit, _garbage = services
    permit.promised_days = 45
    with pytest.raises(ValidationError) as refused:
        permit.full_clean()
    assert "promised_days" in refused.value.message_dict
    # Stored anyway (by code, not through the admin): the charter does not claim a "promise" equal to
    # the law.
    EServicePage.objects.filter(pk=permit.pk).update(promised_days=45)
    assert rows(Client().get("/th/charter/"))["ขออนุญาตก่อสร้างอาคาร"].promised_days is None


def test_the_english_charter_lists_the_english_pages(services, catalogue, english):
    permit, _garbage = services
    publish_translation(catalogue, english, title="E-services")
    publish_translation(
        permit, english, title="Building permit", responsible_division="Public Works Division"
    )
    response = Client().get("/en/charter/")
    listed = rows(response)
    assert list(listed) == ["Building permit"]
    assert listed["Building permit"].promised_days == 30
    text = response.content.decode()
    assert "Our promise (working days)" in text and "<strong>30</strong>" in text
    assert "1,200 baht" in text and "Public Works Division" in text


def test_another_offices_services_are_not_on_this_charter(services, second_office):
    second_catalogue = second_office.site.root_page.get_children().type(ServiceCataloguePage).first().specific
    make_service(
        second_catalogue, slug="water", title="ขอใช้น้ำประปา", reference_prefix="WA", processing_days=7
    )
    assert "ขอใช้น้ำประปา" not in rows(Client().get("/th/charter/"))
    theirs = rows(Client(HTTP_HOST=SECOND_HOST).get("/th/charter/"))
    assert list(theirs) == ["ขอใช้น้ำประปา"]


def test_the_charter_prints_on_a4(services):
    text = Client().get("/th/charter/").content.decode()
    assert "css/charter.css" in text
    from django.contrib.staticfiles import finders  # noqa: PLC0415

    css = open(finders.find("css/charter.css"), encoding="utf-8").read()  # noqa: SIM115
    assert "@media print" in css and "size: A4" in css
