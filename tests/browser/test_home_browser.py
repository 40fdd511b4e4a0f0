"""The demo site's home page in a real browser: both languages, the switch, the phone's menu, weight.

Every page type's accessibility is checked in test_accessibility_browser.py."""

import pytest

from tests.browser.conftest import accessibility_findings, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE_WEIGHT_BUDGET = 300 * 1024  # bytes transferred on a first visit, fonts included


def transferred_bytes(page):
    return page.evaluate(
        """() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize || 0), 0)"""
    )


def test_home_page_in_thai_and_english(live_server, browser_page, demo_site):
    page = browser_page

    page.goto(f"{live_server.url}/")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/th/"  # a Thai phone gets Thai
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == "ยินดีต้อนรับสู่เทศบาลตำบลดอยงาม"
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ก')")  # the site's own Thai font
    assert accessibility_findings(page) == []
    weight = transferred_bytes(page)
    assert weight < PAGE_WEIGHT_BUDGET, f"home page weighs {weight} bytes"
    save_screenshot(page, "home-th")

    # The skip link is the first thing a keyboard reaches, and it is visible when focused.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["x"] >= 0

    page.get_by_role("link", name="English").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/en/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Welcome to Doi Ngam Subdistrict Municipality"
    assert accessibility_findings(page) == []
    save_screenshot(page, "home-en")

    # On a phone the menu waits behind one button; from an inner page the switch leads to the same
    # page in Thai, not to the home page.
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="News and announcements"
    ).click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/en/news/"
    page.get_by_role("link", name="ไทย").click()
    assert page.url == f"{live_server.url}/th/news/"
    assert "พฤศจิกายน 2569" in page.locator("main").inner_text()
    assert accessibility_findings(page) == []


def test_pages_work_without_javascript(live_server, chromium, demo_site):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/th/")
    assert (
        page.get_by_role("banner").get_by_role("link", name="ติดตามคำขอ").get_attribute("href")
        == "/th/status/"
    )
    page.get_by_text("เมนู", exact=True).click()  # a <details>: opens without script
    page.get_by_role("searchbox", name="ค้นหาในเว็บไซต์").fill("ขยะ")
    page.get_by_role("button", name="ค้นหา").click()
    assert "/th/search/?query=" in page.url
    assert page.locator(".search-results li").count() >= 2
    page.get_by_role("link", name="English").click()
    assert page.url.startswith(f"{live_server.url}/en/search/?query=")
    # The FAQ accordion opens by keyboard, without script (<details>).
    page.goto(f"{live_server.url}/en/taxes-and-fees/")
    page.locator("main summary").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("main details").first.get_attribute("open") is not None
    context.close()
