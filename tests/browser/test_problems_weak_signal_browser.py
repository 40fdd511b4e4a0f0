"""The board's map and reporting on a weak connection, in Chromium on a phone:
- the map is offered only as "Show the reports on a map", and nothing of it (Leaflet, the data, a tile)
  is fetched before the citizen opens it; the tiles come from the office's tile server (here a fake one
  answered by Playwright), the cases from one request;
- a large photo is shrunk in the browser before it is sent (the uploaded file is smaller);
- what the citizen typed survives a reload, and is gone from the phone once the report is sent;
- a step sent while offline waits, says so, and is sent when the connection returns (the first step
  as a plain form, the last with its photos by fetch).
Every page passes axe-core and the phone checks (tests/browser/test_accessibility_browser.py)."""

import io
import random

import pytest
from PIL import Image

from problems.models import OfficeArea, ProblemReport
from tests.browser.test_accessibility_browser import PHONE, Audit
from tests.problems.factories import jpeg_bytes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TILES = "https://tiles.tambon.test"


def _tile():
    output = io.BytesIO()
    Image.new("RGB", (256, 256), (230, 236, 220)).save(output, format="PNG")
    return output.getvalue()


def _large_photo():
    """A phone camera's photo: 3,200 × 2,400 px with detail, a few megabytes."""
    rng = random.Random(3)
    small = Image.new("RGB", (320, 240))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(320 * 240)])
    output = io.BytesIO()
    small.resize((3200, 2400), Image.Resampling.NEAREST).save(output, format="JPEG", quality=95)
    return output.getvalue()


def _kept(page):
    """What the reporting pages keep in this tab's storage."""
    return page.evaluate(
        """() => [localStorage, sessionStorage].flatMap(s => Object.keys(s))
                 .filter(k => k.startsWith('tambon.problems.'))"""
    )


def _on_map(page, selector):
    """The centre of a marker inside the map's visible box (Leaflet keeps others beyond its edges), or
    None. Markers may overlap: a click there reaches the one on top."""
    return page.evaluate(
        """(selector) => {
          const box = document.querySelector('.problems-map--board').getBoundingClientRect();
          for (const marker of document.querySelectorAll(selector)) {
            const r = marker.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (x > box.left + 50 && x < box.right - 50 && y > box.top + 50 && y < box.bottom - 30) {
              return [x, y];
            }
          }
          return null;
        }""",
        selector,
    )


def _to_photos_step(page, base, category, road):
    page.goto(f"{base}/th/reports/new/")
    page.get_by_label(category).check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/th/reports/new/where/")
    page.get_by_label("ถนนหรือซอย").fill(road)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/th/reports/new/photos/")


def test_the_boards_map_and_reporting_on_a_weak_connection(
    live_server, chromium, settings, tmp_path, demo_site
):
    settings.TAMBON_TYPESET = True
    OfficeArea.objects.update(tile_url=TILES + "/{z}/{x}/{y}.png", tile_attribution="© OpenStreetMap")
    base = live_server.url
    context = chromium.new_context(viewport=PHONE, locale="th-TH")
    tile, fetched = _tile(), []
    context.route(f"{TILES}/**", lambda route: route.fulfill(status=200, content_type="image/png", body=tile))
    page = context.new_page()
    page.on("request", lambda request: fetched.append(request.url))
    audit = Audit(page, tmp_path)

    # The board: the list first; the map only once opened, with one request for its cases.
    page.goto(f"{base}/th/reports/")
    assert page.locator(".problems-card").count() > 0
    audit("board with the map closed (th)")
    assert not [u for u in fetched if u.startswith(TILES) or "leaflet" in u or "map.json" in u]
    page.get_by_text("แสดงรายงานบนแผนที่").click()
    page.locator(".problems-map__group, .problems-map__case").first.wait_for()
    page.locator("[data-board-map-status]").filter(has_text="แผนที่แสดงรายงาน").wait_for()
    assert len([u for u in fetched if "map.json" in u]) == 1
    assert [u for u in fetched if u.startswith(TILES)], "the tiles come from the office's tile server"
    assert [u for u in fetched if u.startswith(base) or u.startswith(TILES)] == fetched  # nothing else
    audit("board with the map open (th)")
    page.locator(".problems-map").scroll_into_view_if_needed()
    for _zoom_in in range(4):  # a group zooms in; its cases come in one more request each time
        if _on_map(page, ".problems-map__case"):
            break
        page.mouse.click(*_on_map(page, ".problems-map__group"))
        page.wait_for_timeout(800)  # Leaflet's zoom animation and the request
    page.mouse.click(*_on_map(page, ".problems-map__case"))
    popup_link = page.locator(".leaflet-popup-content a")
    href = popup_link.get_attribute("href")
    assert href.startswith("/th/reports/")
    page.goto(f"{base}/en/reports/?village=3")
    page.get_by_text("Show the reports on a map").click()
    page.locator("[data-board-map-status]").filter(has_text="The map shows").wait_for()
    assert "village=3" in [u for u in fetched if "map.json" in u][-1]
    audit("board filtered by village, map open (en)")

    # A report in progress survives a reload; the contact only in this tab's session storage.
    fetched.clear()
    _to_photos_step(page, base, "ไฟฟ้าส่องสว่างดับ", "ซอยทดสอบ 1")
    fetched.clear()
    page.goto(f"{base}/th/reports/new/where/")
    assert not [u for u in fetched if u.startswith(TILES) or "leaflet" in u]  # the map waits to be opened
    page.get_by_text("ปักหมุดบนแผนที่").click()
    page.locator("[data-problems-map] .leaflet-marker-icon").wait_for()
    assert [u for u in fetched if u.startswith(TILES)]
    page.get_by_label("จุดสังเกต").fill("หน้าวัดดอยงาม")
    page.reload()
    assert page.get_by_label("จุดสังเกต").input_value() == "หน้าวัดดอยงาม"
    assert page.get_by_text("เราเติมข้อมูลที่ท่านพิมพ์ไว้ก่อนปิดหน้านี้ให้แล้ว").is_visible()
    audit("where, restored after a reload (th)")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/th/reports/new/photos/")
    page.get_by_label("ชื่อของท่าน").fill("สมหญิง ทดสอบ")
    page.reload()
    assert page.get_by_label("ชื่อของท่าน").input_value() == "สมหญิง ทดสอบ"
    assert page.evaluate("Object.keys(localStorage).join()").count("contact") == 0
    assert "สมหญิง" not in page.evaluate("JSON.stringify(localStorage)")

    # A large photo is shrunk before it is sent.
    large = _large_photo()
    page.locator("#id_photos").set_input_files(
        files=[{"name": "street.jpg", "mimeType": "image/jpeg", "buffer": large}]
    )
    with page.expect_request(lambda r: r.method == "POST" and "/new/photos/" in r.url) as sent:
        page.locator("main form button[type=submit]").first.click()
    uploaded = len(sent.value.post_data_buffer)
    assert uploaded < len(large) / 2, (uploaded, len(large))
    page.wait_for_url("**/th/reports/new/done/")
    report = ProblemReport.objects.latest("pk")
    assert report.landmark == "หน้าวัดดอยงาม" and report.submission.applicant_name == "สมหญิง ทดสอบ"
    photo = report.photos.get()
    assert max(photo.width, photo.height) == 1600
    assert _kept(page) == []  # nothing of the report stays on the phone

    # Offline: each step waits, the page says so, and it is sent when the connection returns.
    page.goto(f"{base}/th/reports/new/")
    page.get_by_label("ต้นไม้ล้ม กีดขวาง").check()
    context.set_offline(True)
    page.locator("main form button[type=submit]").click()
    page.locator(".problems-keep__status").filter(has_text="ไม่ได้เชื่อมต่ออินเทอร์เน็ต").wait_for()
    assert page.url.endswith("/th/reports/new/")
    context.set_offline(False)
    page.wait_for_url("**/th/reports/new/where/")
    _to_photos_step(page, base, "ต้นไม้ล้ม กีดขวาง", "ซอยทดสอบ 2")
    page.locator("#id_photos").set_input_files(
        files=[{"name": "tree.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}]
    )
    page.get_by_label("อีเมล").fill("citizen@example.com")
    before = ProblemReport.objects.count()
    context.set_offline(True)
    page.locator("main form button[type=submit]").first.click()
    status = page.locator(".problems-keep__status")
    status.filter(has_text="ไม่ได้เชื่อมต่ออินเทอร์เน็ต").wait_for()
    audit("photos, waiting for the connection (th)")
    assert ProblemReport.objects.count() == before
    context.set_offline(False)
    page.wait_for_url("**/th/reports/new/done/")
    assert ProblemReport.objects.count() == before + 1
    assert ProblemReport.objects.latest("pk").road == "ซอยทดสอบ 2"
    assert _kept(page) == []
    context.close()

    assert audit.problems == [], "\n".join(audit.problems)
