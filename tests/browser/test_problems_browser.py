"""Reporting a problem on a phone, with and without JavaScript, and the public board: every page in
Thai and English passes axe-core (best practice included), the Nu HTML checker, and the phone checks
of the other public pages (tests/browser/test_accessibility_browser.py)."""

import pytest

from problems.models import ProblemReport
from tests.browser.test_accessibility_browser import PHONE, WIDE, Audit, nu_errors
from tests.problems.factories import jpeg_bytes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HOSTILE = '<script>alert("x")</script>'


def test_report_a_problem_and_the_board_pass_every_check(
    live_server, chromium, settings, tmp_path, demo_site
):
    settings.TAMBON_TYPESET = True  # the real pages' markup
    base = live_server.url
    context = chromium.new_context(viewport=WIDE, locale="th-TH")
    context.grant_permissions(["geolocation"])
    context.set_geolocation({"latitude": 19.9101, "longitude": 99.8302})
    page = context.new_page()
    audit = Audit(page, tmp_path)

    # Step 1: what. A send without a choice explains what is missing.
    page.goto(f"{base}/th/reports/new/")
    audit("what (th)")
    page.locator("main form button[type=submit]").click()
    assert page.locator(".eforms-error-summary").is_visible()
    audit("what with an error (th)")
    page.get_by_label("ไฟฟ้าส่องสว่างดับ").check()
    page.get_by_label("รายละเอียดเพิ่มเติม").fill(HOSTILE)
    page.locator("main form button[type=submit]").click()

    # Step 2: where. With script, "use my position" fills the numbers from the phone.
    page.wait_for_url("**/th/reports/new/where/")
    audit("where (th)")
    page.get_by_role("button", name="ใช้ตำแหน่งของฉัน").click()
    page.wait_for_function("document.getElementById('id_latitude').value !== ''")
    assert page.locator("#id_latitude").input_value() == "19.910100"
    page.get_by_label("หมู่ที่").select_option("3")
    page.get_by_label("จุดสังเกต").fill("หน้าโรงเรียน")
    page.locator("main form button[type=submit]").first.click()

    # Step 3: photos and contact.
    page.wait_for_url("**/th/reports/new/photos/")
    audit("photos (th)")
    page.locator("#id_photos").set_input_files(
        files=[{"name": "light.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}]
    )
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/th/reports/new/done/")
    audit("done (th)")
    report = ProblemReport.objects.latest("pk")
    assert page.locator(".eforms-reference").inner_text() == report.submission.reference
    assert str(report.latitude) == "19.910100" and report.village == "3"
    follow_url = page.locator(".problems-follow a.button").get_attribute("href")
    page.goto(follow_url)
    audit("follow-up page (th)")
    assert report.submission.reference in page.locator("main h1").inner_text()

    # The same problem again at the same position: the open report is offered for support.
    page.goto(f"{base}/th/reports/new/")
    page.get_by_label("ไฟฟ้าส่องสว่างดับ").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/th/reports/new/where/")
    page.get_by_role("button", name="ใช้ตำแหน่งของฉัน").click()
    page.wait_for_function("document.getElementById('id_latitude').value !== ''")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/th/reports/new/similar/")
    audit("similar reports (th)")
    page.get_by_role("button", name="ฉันก็ประสบปัญหานี้").first.click()
    page.wait_for_url(f"**/th/reports/{report.pk}/")
    report.refresh_from_db()
    assert report.supporters == 1

    for lang in ("th", "en"):
        page.goto(f"{base}/{lang}/reports/")
        audit(f"board ({lang})")
        page.goto(f"{base}/{lang}/reports/{report.pk}/")
        audit(f"case ({lang})")
        assert HOSTILE in page.locator("main").inner_text()  # shown as text, never run
    page.goto(f"{base}/en/reports/?state=fixed")
    audit("board filtered (en)")
    for lang in ("th", "en"):
        page.goto(f"{base}/{lang}/reports/figures/")
        audit(f"figures ({lang})")
    context.close()

    # Without JavaScript: no position button, and the steps work with plain forms (in English).
    plain = chromium.new_context(viewport=PHONE, locale="en-GB", java_script_enabled=False)
    phone = plain.new_page()
    plain_html = tmp_path / "plain"
    plain_html.mkdir()
    phone.goto(f"{base}/en/reports/new/")
    phone.get_by_label("Fallen tree").check()
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url("**/en/reports/new/where/")
    assert not phone.get_by_role("button", name="Use my position").is_visible()
    phone.get_by_label("Latitude").fill("13.7563")
    phone.get_by_label("Longitude").fill("100.5018")
    phone.locator("main form button[type=submit]").first.click()
    assert phone.get_by_text("far outside our area").first.is_visible()
    plain_html.joinpath("01.html").write_text(phone.content(), encoding="utf-8")  # for the Nu checker
    phone.get_by_label("Yes, the problem is at this position").check()
    phone.locator("main form button[type=submit]").first.click()
    phone.wait_for_url("**/en/reports/new/photos/")
    plain.close()

    assert audit.problems == [], "\n".join(audit.problems)
    errors = nu_errors(audit.html_dir)
    if errors is None:
        pytest.skip("the Nu HTML checker needs java and node_modules (`make checkers`); axe found nothing")
    assert errors == []
    assert nu_errors(plain_html) == []
