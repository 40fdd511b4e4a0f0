"""Every validation rule, with its message in Thai and in English; invalid input loses no other answer."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from casework.models import Submission
from eforms.constants import PersonalDataBasis
from eforms.validators import validate_national_id, validate_phone
from tests.conftest import publish_translation
from tests.eforms.factories import INVALID_ID, PDF_BYTES, VALID_ID, field, make_service, png_bytes

from .wizard_client import Wizard

pytestmark = pytest.mark.django_db


def test_check_digit_rule():
    assert validate_national_id("1-1017-00207-03-0") == VALID_ID
    assert validate_national_id("๑๑๐๑๗๐๐๒๐๗๐๓๐") == VALID_ID
    with pytest.raises(ValidationError) as error:
        validate_national_id(INVALID_ID)
    assert error.value.code == "national_id_checksum"
    with pytest.raises(ValidationError) as error:
        validate_national_id("12345")
    assert error.value.code == "national_id_length"


def test_phone_numbers():
    assert validate_phone("081-234-5678") == "0812345678"
    assert validate_phone("+66 81 234 5678") == "0812345678"
    assert validate_phone("053 123 456") == "053123456"
    with pytest.raises(ValidationError):
        validate_phone("12345")


@pytest.fixture
def every_rule(catalogue):
    return make_service(
        catalogue,
        slug="rules",
        personal_data_basis=PersonalDataBasis.CONSENT,  # so the form asks for consent
        fields=[
            field("name", "singleline", "ชื่อ"),
            field("national_id", "national_id", "เลขประจำตัวประชาชน"),
            field("phone", "phone", "โทรศัพท์"),
            field("email", "email", "อีเมล"),
            field("visit_date", "date", "วันที่"),
            field("count", "number", "จำนวน"),
            field("kind", "radio", "ประเภท", choices="ก\nข"),
            field("address", "thai_address", "ที่อยู่"),
            field(
                "plan",
                "file",
                "แบบแปลน",
                accept_pdf=True,
                accept_jpeg=False,
                accept_png=False,
                max_file_size_mb=1,
            ),
            field("consent", "consent", "ยินยอม"),
        ],
    )


BAD = {
    "name": "สมชาย",
    "national_id": INVALID_ID,
    "phone": "12",
    "email": "not-an-email",
    "visit_date": "31/02/2569",
    "count": "many",
    "address__postcode": "5724",
}

EXPECTED = {
    "th": [
        "เลขประจำตัวประชาชนไม่ถูกต้อง",
        "กรุณากรอกหมายเลขโทรศัพท์",
        "กรุณากรอกอีเมลให้ถูกต้อง",
        "กรุณากรอกวันที่ให้ถูกต้อง",
        "กรุณากรอกตัวเลข",
        "กรุณาเลือกคำตอบ “ประเภท”",
        "รหัสไปรษณีย์มี 5 หลัก",
        "กรุณากรอกบ้านเลขที่",
        "ไม่ใช่ประเภทที่รับ",
        "กรุณายืนยัน “ยินยอม”",
        "พบข้อผิดพลาด",
    ],
    "en": [
        "This national ID number is not valid",
        "Enter a Thai phone number",
        "Enter an email address like name@example.com",
        "Enter a real date",
        "Enter a number",
        "Choose an answer for “ประเภท”",
        "A postcode has 5 digits.",
        "Fill in the house number.",
        "is not of an accepted type (PDF)",
        "You must agree to “ยินยอม” to continue.",
        "There is a problem",
    ],
}


@pytest.mark.parametrize("language", ["th", "en"])
def test_each_rule_has_a_message_in_the_citizens_language(client, every_rule, language, english):
    page = every_rule
    if language == "en":
        publish_translation(page.get_parent(), english)
        page = publish_translation(page, english)
    wizard = Wizard(client, page)
    png = SimpleUploadedFile("plan.pdf", png_bytes(), content_type="application/pdf")  # a PNG named .pdf
    response = wizard.post("start", BAD, files={"plan": png})
    assert response.status_code == 200
    text = response.content.decode()
    for message in EXPECTED[language]:
        assert message in text, message
    # What was typed is still there.
    assert 'value="สมชาย"' in text and 'value="not-an-email"' in text
    # The error summary links to the fields, which point back to their errors.
    assert 'href="#id_start-national_id"' in text
    assert 'aria-describedby="start-national_id-error"' in text
    assert 'aria-invalid="true"' in text


def test_file_size_limit(client, every_rule):
    wizard = Wizard(client, every_rule)
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (1024 * 1024 + 1), content_type="application/pdf")
    response = wizard.post("start", {}, files={"plan": big})
    assert "มีขนาดใหญ่เกินไป" in response.content.decode()


def test_required_messages(client, every_rule):
    with translation.override("th"):
        response = Wizard(client, every_rule).post("start", {})
    text = response.content.decode()
    assert "กรุณากรอก “ชื่อ”" in text
    assert "กรุณาแนบไฟล์ “แบบแปลน”" in text


def test_buddhist_era_dates_accepted(client, catalogue):
    page = make_service(catalogue, slug="dates", fields=[field("visit_date", "date", "วันที่")])
    wizard = Wizard(client, page)
    assert wizard.post("start", {"visit_date": "23/11/2569"}).status_code == 302
    review = wizard.get().content.decode()
    assert "23 พฤศจิกายน 2569" in review


def test_honeypot_refuses_robots(client, catalogue):
    page = make_service(catalogue, slug="honeypot", fields=[field("name", "singleline", "ชื่อ")])
    wizard = Wizard(client, page)
    wizard.post("start", {"name": "bot"})
    response = wizard.post("review", {"website": "http://spam.example"})
    assert response.status_code == 200
    assert "ไม่สามารถส่งคำขอได้" in response.content.decode()

    assert not Submission.objects.exists()
