"""An officer links their own LINE for notices in Chromium (issue 14, item 5): account page, "LINE
notices", the single-use QR code, the link's message "sent" from the phone (the fake LINE platform's
signed delivery), the choices saved, unlinked. axe finds nothing on the page."""

import re
import urllib.request
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group

from casework.models import ServiceHandler
from home.groups import PERMIT_OFFICERS
from line.models import StaffLink
from offices.lookup import default_office
from tests.browser.conftest import accessibility_findings, save_screenshot
from tests.conftest import build_thai_home
from tests.eforms.factories import add_catalogue, make_service
from tests.line.conftest import SECRET, TOKEN, connect
from tests.line.fake_line import FakeLine

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"
OFFICER_LINE = "U" + "1" * 32


@pytest.fixture
def fake_line(settings):
    server = FakeLine(tokens=[TOKEN]).start()
    settings.LINE_API_BASE = server.url
    settings.LINE_CHANNEL_SECRET = SECRET
    settings.LINE_CHANNEL_ACCESS_TOKEN = TOKEN
    settings.LINE_TIMEOUT = 2
    yield server
    server.stop()


def send_from_line(live_server, fake, text):
    body = fake.body(fake.text_event(OFFICER_LINE, text))
    request = urllib.request.Request(
        f"{live_server.url}/line/webhook/",
        data=body.encode("utf-8"),
        headers={"Content-Type": "application/json", "X-Line-Signature": fake.sign(body, SECRET)},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def test_an_officer_links_chooses_and_unlinks(live_server, chromium, fake_line, django_user_model):
    home = build_thai_home()
    connect(default_office())
    service = make_service(add_catalogue(home), slug="line-officer")
    ServiceHandler.objects.create(service=service, group=Group.objects.get(name=PERMIT_OFFICERS))
    officer = django_user_model.objects.create_user("officer", "officer@example.com", PASSWORD)
    officer.groups.add(Group.objects.get(name=PERMIT_OFFICERS))

    page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill("officer")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/account/")
    assert page.locator("a[href='/admin/line/notices/']").count() == 1
    page.goto(f"{live_server.url}/admin/line/notices/")
    assert accessibility_findings(page) == []

    page.get_by_role("button", name="เชื่อมต่อ LINE ของฉัน").click()
    page.locator(".line-qr svg").wait_for()
    assert accessibility_findings(page) == []
    save_screenshot(page, "line-officer-link")
    url = page.get_by_role("link", name="เปิด LINE").get_attribute("href")
    send_from_line(live_server, fake_line, unquote(url.split("/?", 1)[1]))
    assert StaffLink.objects.get().line_user_id == OFFICER_LINE

    page.get_by_role("link", name=re.compile("เสร็จแล้ว")).click()
    page.get_by_label("มีคำขอใหม่ในบริการที่ฉันรับผิดชอบ").uncheck()
    page.get_by_role("button", name="บันทึก").click()
    page.get_by_text("บันทึกการเลือกการแจ้งเตือนทาง LINE แล้ว").wait_for()
    assert not StaffLink.objects.get().new_request
    page.wait_for_timeout(1500)  # Wagtail's message fades in: axe would read its colours mid-way
    assert accessibility_findings(page) == []
    save_screenshot(page, "line-officer-linked")
    page.get_by_role("button", name="ยกเลิกการเชื่อมต่อ LINE ของฉัน").click()
    page.get_by_text("ยกเลิกการเชื่อมต่อ LINE แล้ว", exact=False).first.wait_for()
    assert not StaffLink.objects.exists()
