"""A citizen fills a three-step form with an upload in Chromium; axe-core checks every step."""

import re

import pytest

from casework.models import Submission
from eforms.constants import PersonalDataBasis
from eforms.models import EServicePage
from tests.browser.conftest import save_screenshot, serious_accessibility_violations
from tests.conftest import build_thai_home
from tests.eforms.factories import PDF_BYTES, VALID_ID, add_catalogue, make_service, three_step_fields

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_service(transactional_db, tmp_path):
    catalogue = add_catalogue(build_thai_home())
    page = make_service(
        catalogue,
        fields=three_step_fields(),
        reference_prefix="BS",
        personal_data_basis=PersonalDataBasis.CONSENT,
    )
    pdf = tmp_path / "บัตรประชาชน.pdf"
    pdf.write_bytes(PDF_BYTES)
    return page, pdf


def check(page, name):
    assert serious_accessibility_violations(page) == [], name
    save_screenshot(page, f"eforms-{name}")


def test_three_step_form_with_upload(live_server, browser_page, live_service):
    service, pdf = live_service
    page = browser_page
    page.goto(f"{live_server.url}{service.url}")
    check(page, "manual")
    page.get_by_role("link", name="เริ่มยื่นคำขอ").click()

    assert page.locator(".eforms-progress").inner_text() == "ขั้นตอนที่ 1 จาก 4"
    page.get_by_role("button", name="ถัดไป").click()  # empty: errors, with a summary linking to fields
    assert page.locator("#error-summary").is_visible()
    check(page, "step-1-errors")
    page.get_by_label("ชื่อ-นามสกุล").fill("สมชาย ใจดี")
    page.get_by_label("เลขประจำตัวประชาชน").fill(VALID_ID)
    page.get_by_label("อีเมล").fill("somchai@example.com")
    page.get_by_role("button", name="ถัดไป").click()

    assert page.locator(".eforms-progress").inner_text() == "ขั้นตอนที่ 2 จาก 4"
    check(page, "step-2")
    page.get_by_label("บุคคลธรรมดา").check()
    page.get_by_label("บ้านเลขที่").fill("99")
    page.get_by_label("ตำบล").fill("ดอยงาม")
    page.get_by_label("อำเภอ").fill("แม่ฟ้า")
    page.get_by_label("จังหวัด").fill("เชียงราย")
    page.get_by_label("รหัสไปรษณีย์").fill("57240")
    page.get_by_role("button", name="ถัดไป").click()

    assert page.locator(".eforms-progress").inner_text() == "ขั้นตอนที่ 3 จาก 4"
    page.get_by_label("สำเนาบัตรประชาชน").set_input_files(str(pdf))
    page.get_by_label(re.compile("ข้าพเจ้ายินยอม")).check()
    check(page, "step-3")
    page.get_by_role("button", name="ถัดไป").click()

    assert page.locator(".eforms-progress").inner_text() == "ขั้นตอนที่ 4 จาก 4"
    assert page.get_by_role("heading", name="ตรวจสอบคำตอบ").is_visible()
    assert "สมชาย ใจดี" in page.content() and "บัตรประชาชน.pdf" in page.content()
    check(page, "review")
    page.reload()  # a reload keeps everything
    assert page.get_by_role("heading", name="ตรวจสอบคำตอบ").is_visible()
    page.get_by_role("button", name="ส่งคำขอ").click()

    reference = page.locator(".eforms-reference").inner_text()
    assert re.fullmatch(r"BS-\d{2}-000001", reference)
    check(page, "confirmation")
    submission = Submission.objects.get()
    assert submission.reference == reference
    assert submission.files.count() == 1
    assert EServicePage.objects.count() == 1
