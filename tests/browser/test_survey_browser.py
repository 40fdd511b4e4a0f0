"""The satisfaction survey on the counter's tablet in Chromium: the officer's step, the citizen's five
questions with a mistake first, and the thanks — no axe-core finding on any of them, at a tablet's
width and a phone's, and the answer counted for the request."""

import pytest

from casework.models import SatisfactionRating
from tests.browser.conftest import accessibility_findings, save_screenshot
from tests.casework.factories import make_submission

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"


def test_the_counter_survey_from_the_officers_step_to_the_thanks(
    live_server, chromium, handled_service, permit_officer
):
    submission = make_submission(handled_service, status="approved", applicant_name="สมชาย ใจดี")
    findings = {}
    tablet = chromium.new_context(viewport={"width": 800, "height": 1280}, locale="th-TH").new_page()
    tablet.set_default_timeout(10_000)

    tablet.goto(f"{live_server.url}/admin/login/")
    tablet.locator("input[name=username]").fill(permit_officer.username)
    tablet.locator("input[name=password]").fill(PASSWORD)
    tablet.locator("form.login-form button[type=submit]").click()
    tablet.wait_for_url(f"{live_server.url}/admin/")

    # The officer's step: a reference that is not the office's, then the right one typed loosely.
    tablet.goto(f"{live_server.url}/admin/inbox/survey/")
    tablet.get_by_label("เลขที่คำขอ (ไม่บังคับ)").fill("XX-69-999999")
    tablet.get_by_role("button", name="ส่งแท็บเล็ตให้ประชาชน").click()
    tablet.wait_for_load_state()
    assert tablet.get_by_text("หน่วยงานนี้ไม่มีคำขอเลขที่นี้").is_visible()
    findings["officer's step, a wrong reference"] = accessibility_findings(tablet)
    tablet.get_by_label("เลขที่คำขอ (ไม่บังคับ)").fill(submission.reference.lower())
    tablet.get_by_role("button", name="ส่งแท็บเล็ตให้ประชาชน").click()

    # The citizen's step: the reference and the service, never the name.
    tablet.wait_for_url(f"{live_server.url}/admin/inbox/survey/answer/")
    text = tablet.locator("main").inner_text()
    assert submission.reference in text and handled_service.title in text and "สมชาย" not in text
    findings["citizen's step"] = accessibility_findings(tablet)
    tablet.get_by_role("button", name="ส่งคำตอบ").click()  # nothing chosen
    summary = tablet.get_by_role("alert")
    summary.wait_for()
    assert summary.is_visible() and summary.locator("a").count() == 5
    findings["citizen's step, unanswered"] = accessibility_findings(tablet)
    tablet.set_viewport_size({"width": 360, "height": 640})
    findings["citizen's step, unanswered, phone"] = accessibility_findings(tablet)
    save_screenshot(tablet, "counter-survey-errors-360")
    tablet.set_viewport_size({"width": 800, "height": 1280})
    for fieldset in tablet.locator("fieldset.survey-question").all():
        fieldset.locator("input[value='5']").check()  # very satisfied
    tablet.get_by_label("สิ่งที่ท่านอยากบอกเรา (ไม่บังคับ)").fill("เจ้าหน้าที่อธิบายดีมาก")
    tablet.get_by_role("button", name="ส่งคำตอบ").click()

    tablet.wait_for_url(f"{live_server.url}/admin/inbox/survey/thanks/")
    assert "ขอบคุณ" in tablet.locator("main").inner_text()
    findings["thanks"] = accessibility_findings(tablet)
    assert {name: found for name, found in findings.items() if found} == {}
    answer = SatisfactionRating.objects.get(submission=submission)
    assert (answer.score, answer.speed, answer.comment) == (5, 5, "เจ้าหน้าที่อธิบายดีมาก")
