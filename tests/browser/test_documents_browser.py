"""Issue 17's journey in Chromium: the officer approves a food shop licence; the citizen, on a phone,
downloads it from the status page; the QR code printed on it (decoded from the page's image) opens
the verification page: "valid"; the officer revokes it; the same page then says "revoked"."""

import re
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
import zxingcpp
from django.contrib.auth.models import Group
from django.core import mail
from PIL import Image

from casework import services
from casework.models import ServiceHandler
from documents.constants import DocumentState, DocumentType
from documents.models import DocumentTemplate, IssuedDocument, ServiceDocument
from home.groups import PERMIT_OFFICERS
from offices.lookup import office_for_page
from tests.browser.conftest import accessibility_findings, save_screenshot
from tests.conftest import build_thai_home
from tests.eforms.factories import add_catalogue, field, make_service

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils"),
]

PASSWORD = "a-long-test-password"
EMAIL = "paeng@example.com"
SHOP = "ร้านก๋วยเตี๋ยวป้าแดง"
GENUINE = "เอกสารนี้เป็นของจริงและยังใช้ได้"


@pytest.fixture
def licence_request(transactional_db):
    catalogue = add_catalogue(build_thai_home())
    service = make_service(
        catalogue, slug="food-shop-licence", title="ขออนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", reference_prefix="FS",
        fields=[field("full_name", "singleline", "ชื่อ-นามสกุล"), field("email", "email", "อีเมล"),
                field("shop_name", "singleline", "ชื่อร้าน")],
    )  # fmt: skip
    ServiceHandler.objects.create(service=service, group=Group.objects.get(name=PERMIT_OFFICERS))
    template = DocumentTemplate.objects.create(
        office=office_for_page(service), title_th="ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", title_en="Food shop licence",
        document_type=DocumentType.LICENCE, body_th="อนุญาตให้ {holder} จัดตั้งสถานที่จำหน่ายอาหาร",
        signer_name="นายสมศักดิ์ ตั้งใจ", signer_position_th="นายกเทศมนตรี", validity_months=12,
    )  # fmt: skip
    ServiceDocument.objects.create(service=service, template=template, holder_field="shop_name")
    answers = {"full_name": "แดง ใจดี", "email": EMAIL, "shop_name": SHOP}
    shown = [step.name for step in service.form_steps]
    return services.submit(service, answers=answers, shown_steps=shown, files={}, language="th")


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", "officer@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=PERMIT_OFFICERS))
    return user


def qr_url(pdf: bytes, tmp_path) -> str:
    """What a phone's camera reads from the printed licence: page 1 drawn at 150 dpi, then decoded."""
    (tmp_path / "licence.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "licence.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    [image] = tmp_path.glob("page*.png")
    [code] = zxingcpp.read_barcodes(Image.open(image))
    return code.text


def test_approve_download_scan_verify_revoke(live_server, chromium, licence_request, officer, tmp_path):
    submission = licence_request
    desk = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    phone = chromium.new_context(viewport={"width": 360, "height": 640}, locale="th-TH").new_page()
    for page in (desk, phone):
        page.set_default_timeout(15_000)

    # The officer previews, then approves: the licence takes the register's next number.
    desk.goto(f"{live_server.url}/admin/login/")
    desk.locator("input[name=username]").fill("officer")
    desk.locator("input[name=password]").fill(PASSWORD)
    desk.locator("form.login-form button[type=submit]").click()
    desk.wait_for_url(f"{live_server.url}/admin/")
    desk.goto(f"{live_server.url}/admin/inbox/{submission.pk}/")
    assert desk.get_by_role("link", name="ดูตัวอย่างเอกสาร (PDF)").is_visible()
    desk.get_by_role("button", name="เริ่มพิจารณา", exact=True).click()
    desk.wait_for_load_state()
    desk.get_by_role("button", name="อนุมัติ", exact=True).click()
    desk.wait_for_load_state()
    document = IssuedDocument.objects.get(submission=submission)
    assert document.number in desk.locator("section[aria-labelledby=document-title]").inner_text()

    # The citizen proves their email with the one-time code and downloads the licence.
    phone.goto(f"{live_server.url}/th/status/")
    phone.get_by_label("เลขที่คำขอ").fill(submission.reference)
    phone.get_by_label("อีเมลที่ท่านให้ไว้ในแบบฟอร์ม").fill(EMAIL)
    phone.get_by_role("button", name="ถัดไป").click()
    phone.get_by_role("button", name="ส่งรหัสให้ฉัน").click()
    message = [m for m in mail.outbox if EMAIL in m.to][-1]
    phone.locator("input[name=code]").fill(re.search(r"^\s+(\d{6})\s*$", message.body, re.MULTILINE)[1])
    phone.get_by_role("button", name="ยืนยัน").click()
    phone.wait_for_url(f"{live_server.url}/th/status/{submission.reference}/")
    documents = phone.locator("section[aria-labelledby=documents-title]")
    link = documents.get_by_role("link", name=f"ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร เลขที่ {document.number} (PDF)")
    response = phone.context.request.get(f"{live_server.url}{link.get_attribute('href')}")
    assert response.status == 200 and response.body().startswith(b"%PDF")

    # Scanning the paper opens the office's verification page: genuine and valid.
    scanned = urlsplit(qr_url(response.body(), tmp_path))
    assert scanned.path == f"/th/verify-document/{document.verification_code}/"
    phone.goto(f"{live_server.url}{scanned.path}")
    assert GENUINE in phone.locator("main").inner_text()
    assert SHOP in phone.locator("main").inner_text()
    assert accessibility_findings(phone) == []
    save_screenshot(phone, "documents-verify-valid")

    # The officer revokes it, with the reason; the same scan now says revoked.
    desk.reload()
    revoke = desk.locator("form.inbox-action").filter(has=desk.get_by_role("button", name="เพิกถอน"))
    revoke.get_by_label("เหตุผล (ผู้ยื่นคำขอเห็นข้อความนี้)").fill("ร้านปิดกิจการแล้ว")
    revoke.get_by_role("button", name="เพิกถอน").click()
    desk.wait_for_load_state()
    assert IssuedDocument.objects.get(pk=document.pk).state == DocumentState.REVOKED
    phone.reload()
    text = phone.locator("main").inner_text()
    assert "ถูกเพิกถอน" in text and GENUINE not in text
    assert accessibility_findings(phone) == []
