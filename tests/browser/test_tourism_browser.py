"""Tourism pages in a real browser: the index and its filters, an attraction with its map, axe-core.

The browser never reaches the internet: map tiles (and anything not from the live server) are
refused, which is also what a visitor with a blocked tile server sees.
"""

import json

import pytest

from tests.browser.conftest import save_screenshot, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def only_local(page, live_server):
    def route(route_request):
        if route_request.request.url.startswith(live_server.url) or route_request.request.url.startswith(
            "data:"
        ):
            route_request.continue_()
        else:
            route_request.abort()

    page.route("**/*", route)


def test_tourism_index_attraction_and_map(live_server, browser_page, demo_site):
    page = browser_page
    only_local(page, live_server)

    page.goto(f"{live_server.url}/th/tourism/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "ท่องเที่ยวดอยงาม"
    assert page.locator("#attractions .tourism-card").count() >= 8
    assert page.locator("#events .tourism-card").count() >= 3
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "tourism-index-th")

    # The filters are a plain form: choose a kind of place and send it.
    page.get_by_label("ประเภทสถานที่").select_option("temple")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_load_state("networkidle")
    assert "category=temple" in page.url
    tags = page.locator("#attractions .tourism-card .tag").all_inner_texts()
    assert tags and set(tags) == {"วัด"}

    page.get_by_role("link", name="วัดพระธาตุดอยงาม").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "วัดพระธาตุดอยงาม"
    # Leaflet, served by the site, draws the map with a marker even though no tile arrives.
    page.wait_for_selector("#tourism-place-map.leaflet-container")
    assert page.locator("#tourism-place-map").is_visible()
    assert page.locator("#tourism-place-map .leaflet-marker-icon").count() == 1
    assert page.locator("#nearby-heading + ul .tourism-card").count() == 3
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "TouristAttraction"
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "tourism-attraction-th")

    page.get_by_role("link", name="English").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Wat Phra That Doi Ngam"
    assert serious_accessibility_violations(page) == []

    page.goto(f"{live_server.url}/en/tourism/map/")
    page.wait_for_selector("#tourism-places-map .leaflet-marker-icon")
    assert (
        page.locator("#tourism-places-map .leaflet-marker-icon").count()
        == page.locator(".tourism-place-list > li").count()
    )
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "tourism-map-en")

    # Without JavaScript (one test, one database: the site is built once), the map is a list of links.
    context = browser_page.context.browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/th/tourism/map/")
    assert not page.locator("#tourism-places-map").is_visible()
    places = page.locator(".tourism-place-list > li")
    assert places.count() >= 8
    assert places.first.locator('a[href^="geo:"]').count() == 1
    assert places.first.locator('a[href^="https://www.openstreetmap.org/"]').count() == 1
    page.goto(f"{live_server.url}/th/tourism/")
    page.get_by_label("เปิดอยู่ตอนนี้").check()
    page.get_by_role("button", name="แสดง").click()
    assert "open=now" in page.url
    context.close()
