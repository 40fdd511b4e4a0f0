"""A food shop licence: an e-service whose approval issues a licence from the office's template."""

import time

import pytest

from casework.models import ServiceHandler
from documents.constants import DocumentType
from documents.models import DocumentTemplate, ServiceDocument
from offices.lookup import office_for_page
from security.citizen_verification import SESSION_KEY
from tests.casework.factories import make_submission
from tests.eforms.factories import field, make_service

BUSINESS = "ร้านก๋วยเตี๋ยวป้าแดง"


@pytest.fixture
def licence_service(catalogue, officers_group):
    page = make_service(
        catalogue,
        slug="food-shop-licence",
        title="ขออนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        reference_prefix="FS",
        fields=[
            field("full_name", "singleline", "ชื่อ-นามสกุล"),
            field("email", "email", "อีเมล"),
            field("business_name", "singleline", "ชื่อสถานประกอบการ"),
            field("shop_address", "multiline", "ที่ตั้งสถานประกอบการ"),
        ],
    )
    ServiceHandler.objects.create(service=page, group=officers_group)
    return page


@pytest.fixture
def licence_template(licence_service):
    return DocumentTemplate.objects.create(
        office=office_for_page(licence_service),
        title_th="ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        title_en="Food shop licence",
        document_type=DocumentType.LICENCE,
        body_th="อนุญาตให้ {holder} จัดตั้งสถานที่จำหน่ายอาหาร ณ {shop_address} ตามคำขอเลขที่ {reference}",
        body_en="{holder} is licensed to run a food shop at {shop_address} (request {reference}).",
        conditions_th="ต้องรักษาความสะอาดตามเทศบัญญัติ",
        signer_name="นายสมศักดิ์ ตั้งใจ",
        signer_position_th="นายกเทศมนตรีตำบลทดสอบ",
        signer_position_en="Mayor",
        validity_months=12,
    )


@pytest.fixture
def licence_link(licence_service, licence_template):
    return ServiceDocument.objects.create(
        service=licence_service, template=licence_template, holder_field="business_name"
    )


def licence_request(service, *, status="in_review", language="th", **extra):
    answers = [
        {"key": "full_name", "label": "ชื่อ-นามสกุล", "type": "singleline", "step": "",
         "value": "สมศรี มีสุข", "display": "สมศรี มีสุข"},
        {"key": "email", "label": "อีเมล", "type": "email", "step": "",
         "value": "somsri@example.com", "display": "somsri@example.com"},
        {"key": "business_name", "label": "ชื่อสถานประกอบการ", "type": "singleline", "step": "",
         "value": BUSINESS, "display": BUSINESS},
        {"key": "shop_address", "label": "ที่ตั้ง", "type": "multiline", "step": "",
         "value": "12 หมู่ 3 ตำบลดอยงาม", "display": "12 หมู่ 3 ตำบลดอยงาม"},
    ]  # fmt: skip
    return make_submission(
        service,
        status=status,
        language=language,
        answers=answers,
        applicant_name="สมศรี มีสุข",
        applicant_email="somsri@example.com",
        **extra,
    )


@pytest.fixture
def licence_submission(licence_service, licence_link):
    return licence_request(licence_service)


def verify_citizen(client, submission):
    session = client.session
    session[SESSION_KEY] = {str(submission.pk): time.time()}
    session.save()
