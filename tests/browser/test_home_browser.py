"""The demo site's home page in a real browser: both languages, the switch, accessibility, weight."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import save_screenshot, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE_WEIGHT_BUDGET = 300 * 1024  # bytes transferred on a first visit, fonts included


def transferred_bytes(page):
    return page.evaluate(
        """() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize || 0), 0)"""
    )


def test_home_page_in_thai_and_english(live_server, browser_page):
    call_command("load_demo")
    page = browser_page

    page.goto(f"{live_server.url}/")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/th/"  # a Thai phone gets Thai
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == "ยินดีต้อนรับสู่เทศบาลตำบลดอยงาม"
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ก')")  # the site's own Thai font
    assert serious_accessibility_violations(page) == []
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
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "home-en")

    # From an inner page the switch leads to the same page in Thai, not to the home page.
    page.get_by_role("link", name="News and announcements", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/en/news/"
    page.get_by_role("link", name="ไทย").click()
    assert page.url == f"{live_server.url}/th/news/"
    assert "พฤศจิกายน 2569" in page.locator("main").inner_text()
    assert serious_accessibility_violations(page) == []


def test_pages_work_without_javascript(live_server, chromium):
    call_command("load_demo")
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/th/")
    page.get_by_label("ค้นหาในเว็บไซต์").fill("ขยะ")
    page.get_by_role("button", name="ค้นหา").click()
    assert "/th/search/?query=" in page.url
    assert page.locator(".search-results li").count() >= 2
    page.get_by_role("link", name="English").click()
    assert page.url.startswith(f"{live_server.url}/en/search/?query=")
    context.close()


def test_content_pages_have_no_serious_accessibility_violations(live_server, browser_page):
    call_command("load_demo")
    for path in [
        "/th/about/",
        "/en/taxes-and-fees/",
        "/th/contact/",
        "/th/search/?query=ขยะ",
        "/th/no-such-page/",
    ]:
        browser_page.goto(f"{live_server.url}{path}")
        assert browser_page.locator("h1").count() == 1, path
        assert serious_accessibility_violations(browser_page) == [], path
    # The FAQ accordion opens without JavaScript (<details>), by keyboard.
    browser_page.goto(f"{live_server.url}/en/taxes-and-fees/")
    browser_page.locator("summary").first.focus()
    browser_page.keyboard.press("Enter")
    assert browser_page.locator("details").first.get_attribute("open") is not None
