"""The OIT index, the citizen's charter and the procurement summary in Chromium: no axe-core finding of
any kind in either language, at a desktop and a phone width; everything there and usable without
JavaScript (the year is chosen with a plain form); the charter prints without the site's menus."""

import pytest

from tests.browser.conftest import accessibility_findings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = ["/{lang}/oit/", "/{lang}/charter/", "/{lang}/procurement/"]
WIDTHS = [{"width": 1280, "height": 900}, {"width": 360, "height": 640}]


@pytest.fixture
def demo(settings, demo_site):
    settings.TAMBON_TYPESET = True  # the real pages' markup (the test settings turn it off)


def test_the_pages_have_no_accessibility_finding_in_either_language(live_server, chromium, demo):
    problems = []
    for viewport in WIDTHS:
        context = chromium.new_context(viewport=viewport, locale="th-TH")
        page = context.new_page()
        for lang in ("th", "en"):
            for path in PAGES:
                url = live_server.url + path.format(lang=lang)
                response = page.goto(url)
                assert response.status == 200, url
                findings = accessibility_findings(page)
                if findings:
                    problems.append((url, viewport["width"], findings))
        context.close()
    assert problems == []


def test_the_pages_work_without_javascript(live_server, chromium, demo):
    context = chromium.new_context(java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    page.goto(f"{live_server.url}/th/oit/")
    table = page.get_by_role("table", name="รายการเปิดเผยข้อมูล")
    assert table.is_visible()
    assert page.get_by_role("rowheader", name="O1", exact=True).is_visible()
    assert page.get_by_role("link", name="กฎบัตรการให้บริการประชาชน").first.is_visible()
    page.get_by_role("link", name="กฎบัตรการให้บริการประชาชน").first.click()
    assert page.url.endswith("/th/charter/")
    assert page.get_by_role("heading", name="กฎบัตรการให้บริการประชาชน").is_visible()
    assert page.get_by_role("rowheader", name="ขออนุญาตก่อสร้างอาคาร").is_visible()

    page.goto(f"{live_server.url}/en/oit/")
    assert page.get_by_role("table", name="Disclosure items").is_visible()
    page.get_by_role("link", name="Citizen's charter").first.click()
    assert page.url.endswith("/en/charter/")
    assert page.get_by_role("heading", name="Citizen's charter").is_visible()
    assert page.get_by_role("columnheader", name="Our promise (working days)").first.is_visible()

    page.goto(f"{live_server.url}/en/procurement/")
    page.get_by_label("Fiscal year").select_option(index=1)  # the year before
    page.get_by_role("button", name="Show").click()
    assert "year=" in page.url
    assert page.get_by_role("heading", name="Procurement summary").is_visible()
    context.close()


def test_the_charter_prints_without_the_sites_menus(live_server, chromium, demo):
    context = chromium.new_context(locale="th-TH")
    page = context.new_page()
    page.goto(f"{live_server.url}/th/charter/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".charter-print-hint").is_visible()
    assert page.get_by_role("rowheader", name="ขออนุญาตก่อสร้างอาคาร").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
    context.close()
