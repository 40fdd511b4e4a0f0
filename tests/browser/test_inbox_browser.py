"""Issue 4's journey in Chromium: an officer filters the inbox, opens a request and asks for more
information; the citizen proves their email with the one-time code and replies with a PDF on a phone;
the officer sees the reply and its file and approves; the citizen's status page says approved."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from casework import services
from casework.constants import SubmissionStatus
from casework.models import ServiceHandler, Submission
from home.groups import PERMIT_OFFICERS
from tests.browser.conftest import save_screenshot, serious_accessibility_violations
from tests.conftest import build_thai_home
from tests.eforms.factories import PDF_BYTES, add_catalogue, field, make_service

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"
CITIZEN_EMAIL = "somchai@example.com"
REQUEST_TEXT = "กรุณาส่งสำเนาโฉนดที่ดินแปลงที่จะก่อสร้าง"
REPLY_TEXT = "แนบสำเนาโฉนดที่ดินมาให้แล้วครับ"


def simple_fields():
    return [
        field("full_name", "singleline", "ชื่อ-นามสกุล"),
        field("email", "email", "อีเมล"),
        field("details", "multiline", "รายละเอียดคำขอ"),
    ]


@pytest.fixture
def building_permit(transactional_db):
    """Two e-services handled by the permit officers, and one citizen's request to each."""
    catalogue = add_catalogue(build_thai_home())
    officers = Group.objects.get(name=PERMIT_OFFICERS)
    permit = make_service(
        catalogue, slug="building-permit", title="ขออนุญาตก่อสร้างอาคาร", reference_prefix="BP",
        fields=simple_fields(), processing_days=15,
    )  # fmt: skip
    signboard = make_service(
        catalogue, slug="signboard", title="ขออนุญาตติดตั้งป้าย", reference_prefix="SB",
        fields=simple_fields(),
    )  # fmt: skip
    for service in (permit, signboard):
        ServiceHandler.objects.create(service=service, group=officers)
    submissions = {}
    for service, name in ((permit, "สมชาย ใจดี"), (signboard, "สมหญิง รักดี")):
        answers = {"full_name": name, "email": CITIZEN_EMAIL, "details": "บ้านพักอาศัย 2 ชั้น"}
        submissions[service.slug] = services.submit(
            service,
            answers=answers,
            shown_steps=[step.name for step in service.form_steps],
            files={},
            language="th",
        )
    return submissions["building-permit"], submissions["signboard"]


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user(
        "officer", "officer@example.com", PASSWORD, first_name="วิชัย", last_name="ตรวจดี"
    )
    user.groups.add(Group.objects.get(name=PERMIT_OFFICERS))
    return user


def no_serious_violations(page, name):
    """axe finds nothing serious, Wagtail's admin screens included (no rule needed excluding)."""
    assert serious_accessibility_violations(page) == [], name


def latest_code():
    """The six-digit one-time code in the last email to the citizen."""
    message = [m for m in mail.outbox if CITIZEN_EMAIL in m.to][-1]
    return re.search(r"^\s+(\d{6})\s*$", message.body, re.MULTILINE)[1]


def test_officer_requests_information_citizen_replies_with_a_file_officer_approves(
    live_server, chromium, building_permit, officer, tmp_path
):
    submission, other = building_permit
    desk = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    phone = chromium.new_context(viewport={"width": 360, "height": 640}, locale="th-TH").new_page()
    for page in (desk, phone):
        page.set_default_timeout(10_000)

    # The officer signs in with Wagtail's own form and opens the inbox.
    desk.goto(f"{live_server.url}/admin/login/")
    desk.locator("input[name=username]").fill("officer")
    desk.locator("input[name=password]").fill(PASSWORD)
    desk.locator("form.login-form button[type=submit]").click()
    desk.wait_for_url(f"{live_server.url}/admin/")
    desk.goto(f"{live_server.url}/admin/inbox/")
    rows = desk.locator("table.inbox-table tbody tr")
    assert rows.count() == 2
    no_serious_violations(desk, "inbox list")

    # Only building permits, only new ones.
    desk.get_by_label("บริการ", exact=True).select_option(label="ขออนุญาตก่อสร้างอาคาร")
    desk.get_by_label("สถานะ", exact=True).select_option(label="ยื่นคำขอแล้ว")
    desk.get_by_role("button", name="ใช้ตัวกรอง").click()
    desk.wait_for_url(re.compile(r"service=\d+"))
    assert rows.count() == 1
    assert other.reference not in rows.first.inner_text()
    desk.get_by_role("link", name=submission.reference).click()

    desk.wait_for_url(f"{live_server.url}/admin/inbox/{submission.pk}/")
    assert desk.get_by_role("heading", name=submission.reference).is_visible()
    assert "บ้านพักอาศัย 2 ชั้น" in desk.locator("section[aria-labelledby=answers-title]").inner_text()
    desk.get_by_label("สิ่งที่ผู้ยื่นคำขอต้องส่ง").fill(REQUEST_TEXT)
    desk.get_by_role("button", name="ส่งคำขอข้อมูล").click()
    desk.wait_for_load_state()
    assert desk.locator(".inbox-summary .inbox-state").inner_text() == "รอข้อมูลจากผู้ยื่นคำขอ"
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.WAITING

    # The citizen, on a phone: reference and email, then the one-time code sent by email.
    phone.goto(f"{live_server.url}/th/status/")
    no_serious_violations(phone, "status lookup")
    phone.get_by_label("เลขที่คำขอ").fill(submission.reference.lower())
    phone.get_by_label("อีเมลที่ท่านให้ไว้ในแบบฟอร์ม").fill(CITIZEN_EMAIL)
    phone.get_by_role("button", name="ถัดไป").click()
    phone.wait_for_url(re.compile(rf"/th/verify/{submission.reference}/"))
    no_serious_violations(phone, "verification")
    phone.get_by_role("button", name="ส่งรหัสให้ฉัน").click()
    phone.locator("input[name=code]").fill(latest_code())
    phone.get_by_role("button", name="ยืนยัน").click()

    phone.wait_for_url(f"{live_server.url}/th/status/{submission.reference}/")
    assert phone.get_by_role("heading", name="เราต้องการข้อมูลเพิ่มเติมจากท่าน").is_visible()
    assert REQUEST_TEXT in phone.locator(".eforms-timeline").inner_text()
    # The officer's question is read right before the answer is written (issue 16: it was 766 px below).
    question = phone.locator(".eforms-question").bounding_box()
    reply_box = phone.get_by_label("คำตอบของท่าน").bounding_box()
    assert REQUEST_TEXT in phone.locator(".eforms-question").inner_text()
    gap = reply_box["y"] - (question["y"] + question["height"])
    assert 0 <= gap <= 200, f"{gap:.0f} px between the question and the reply box"
    no_serious_violations(phone, "status waiting")
    save_screenshot(phone, "inbox-status-waiting")

    phone.get_by_role("button", name="ส่งคำตอบ").click()  # nothing written: the error must be legible
    phone.wait_for_load_state()
    assert phone.locator("#message-error").is_visible()
    no_serious_violations(phone, "status reply error")

    deed = tmp_path / "โฉนดที่ดิน.pdf"
    deed.write_bytes(PDF_BYTES)
    phone.get_by_label("คำตอบของท่าน").fill(REPLY_TEXT)
    phone.get_by_label("เอกสาร (ไม่บังคับ)").set_input_files(str(deed))
    phone.get_by_role("button", name="ส่งคำตอบ").click()
    phone.wait_for_load_state()
    assert "ขอบคุณ เราได้รับคำตอบของท่านแล้ว" in phone.content()
    assert phone.locator(".eforms-state").inner_text() == "อยู่ระหว่างพิจารณา"
    timeline = phone.locator(".eforms-timeline").inner_text()
    assert REPLY_TEXT in timeline and "โฉนดที่ดิน.pdf" in timeline

    # The officer reloads: the reply and its file are on the timeline; the file opens; approve.
    desk.reload()
    assert desk.locator(".inbox-summary .inbox-state").inner_text() == "อยู่ระหว่างพิจารณา"
    events = desk.locator(".inbox-timeline")
    assert REPLY_TEXT in events.inner_text()
    file_link = events.get_by_role("link", name="โฉนดที่ดิน.pdf")
    response = desk.context.request.get(f"{live_server.url}{file_link.get_attribute('href')}")
    assert response.status == 200 and response.body().startswith(b"%PDF")
    no_serious_violations(desk, "inbox detail")
    save_screenshot(desk, "inbox-detail-reply")
    desk.get_by_role("button", name="อนุมัติ", exact=True).click()
    desk.wait_for_load_state()
    assert desk.locator(".inbox-summary .inbox-state").inner_text() == "อนุมัติแล้ว"
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.decided_at is not None
    assert submission.events.filter(actor=officer, to_status=SubmissionStatus.APPROVED).exists()

    # The citizen's page, still verified in this browser, shows the decision.
    phone.reload()
    assert phone.locator(".eforms-state").inner_text() == "อนุมัติแล้ว"
    assert phone.get_by_role("heading", name="เราต้องการข้อมูลเพิ่มเติมจากท่าน").count() == 0
    no_serious_violations(phone, "status approved")
    save_screenshot(phone, "inbox-status-approved")
    assert Submission.objects.get(pk=other.pk).status == SubmissionStatus.SUBMITTED
