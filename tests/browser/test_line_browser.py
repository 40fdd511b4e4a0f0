"""A citizen follows a request on LINE in Chromium: send the form, link it from the confirmation page,
"send" the link's message (the fake LINE platform's signed delivery), receive the state change on the
fake platform, stop it from the status page. No JavaScript of ours; axe finds nothing."""

import re
import urllib.request
from urllib.parse import unquote

import pytest
from django.core import mail

from casework import workflow
from casework.models import Submission
from line.models import Binding
from offices.lookup import default_office
from tests.browser.conftest import accessibility_findings, save_screenshot
from tests.conftest import build_thai_home, make_staff
from tests.eforms.factories import add_catalogue, field, make_service
from tests.line.conftest import SECRET, TOKEN, USER, connect
from tests.line.fake_line import FakeLine

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fake_line(settings):
    server = FakeLine(tokens=[TOKEN]).start()
    settings.LINE_API_BASE = server.url
    settings.LINE_CHANNEL_SECRET = SECRET
    settings.LINE_CHANNEL_ACCESS_TOKEN = TOKEN
    settings.LINE_TIMEOUT = 2
    yield server
    server.stop()


def check(page, name):
    assert accessibility_findings(page) == [], name
    save_screenshot(page, f"line-{name}")


def send_from_line(live_server, fake, text):
    body = fake.body(fake.text_event(USER, text))
    request = urllib.request.Request(
        f"{live_server.url}/line/webhook/",
        data=body.encode("utf-8"),
        headers={"Content-Type": "application/json", "X-Line-Signature": fake.sign(body, SECRET)},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def test_follow_a_request_on_line_and_stop(live_server, chromium, fake_line, django_user_model):
    home = build_thai_home()
    connect(default_office())
    service = make_service(add_catalogue(home), slug="line-journey", fields=[field("email", "email", "อีเมล")])
    page = chromium.new_context(viewport={"width": 360, "height": 640}, locale="th-TH").new_page()
    page.goto(f"{live_server.url}{service.url}apply/")
    page.get_by_label("อีเมล").fill("somchai@example.com")
    page.get_by_role("button", name="ถัดไป").click()
    page.get_by_role("button", name="ส่งคำขอ").click()
    reference = page.locator(".eforms-reference").inner_text()

    page.get_by_role("button", name="รับข่าวสารทาง LINE").click()
    assert page.get_by_role("heading", name="รับข่าวสารทาง LINE").is_visible()
    assert page.locator("figure.line-qr svg").is_visible()
    check(page, "link")
    href = page.get_by_role("link", name="เปิด LINE และเชื่อมคำขอนี้").get_attribute("href")
    assert href.startswith("https://line.me/R/oaMessage/%40tambon1/?")
    send_from_line(live_server, fake_line, unquote(href.split("/?", 1)[1]))
    assert any(reference in t for t in fake_line.texts(fake_line.replied))

    officer = make_staff(django_user_model, "officer", "Administrators")
    workflow.transition(
        Submission.objects.get(reference=reference), workflow.Action.START_REVIEW, actor=officer
    )
    (pushed,) = fake_line.pushed
    assert any("อยู่ระหว่างพิจารณา" in t for t in fake_line.texts([pushed]))
    assert fake_line.buttons(pushed)[0]["uri"].endswith(f"/th/status/{reference}/")

    page.goto(f"{live_server.url}/th/verify/{reference}/?next=/th/status/{reference}/")
    page.get_by_role("button", name="ส่งรหัสให้ฉัน").click()
    code = re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE)[1]
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name="ยืนยัน").click()
    assert page.get_by_role("heading", name="ข่าวสารทาง LINE").is_visible()
    check(page, "status-bound")
    page.get_by_role("button", name="หยุดรับข่าวสารทาง LINE").click()
    assert "หยุดส่งข่าวสารทาง LINE แล้ว" in page.content()
    assert page.get_by_role("button", name="รับข่าวสารทาง LINE").is_visible()
    assert Binding.objects.get().state == "unbound"
