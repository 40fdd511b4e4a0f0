"""The map is an enhancement: without a tile server configured for the office the "where" step shows
no map and loads nothing from elsewhere (only the fields and a link to open a map); with one, the page
loads Leaflet from this site and allows that tile server alone in its Content-Security-Policy."""

import re

import pytest
from django.core.exceptions import ValidationError

from offices.lookup import default_office
from problems.models import OfficeArea
from tests.problems.factories import category

pytestmark = pytest.mark.django_db


def _where_page(client):
    client.post("/th/reports/new/", {"category": category().pk})
    return client.get("/th/reports/new/where/")


def _external(page):
    """Addresses of scripts, styles and images the page itself loads from other sites."""
    found = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', page)
    return [url for url in found if not url.startswith("http://testserver/")]


def test_no_tile_server_no_map_and_nothing_from_elsewhere(client, site_pages):
    OfficeArea.objects.create(office=default_office(), latitude="19.91", longitude="99.83")
    response = _where_page(client)
    page = response.content.decode()
    assert "data-problems-map" not in page and "leaflet" not in page
    assert _external(page) == []
    assert "https://www.openstreetmap.org/#map=15/19.910000/99.830000" in page  # a link, not a load
    # The fields are the way to say where, and enough.
    assert 'name="village"' in page and 'name="latitude"' in page


def test_with_the_offices_tile_server_the_map_is_offered(client, site_pages):
    OfficeArea.objects.create(
        office=default_office(), latitude="19.91", longitude="99.83",
        tile_url="https://tiles.doingam.example/{z}/{x}/{y}.png", tile_attribution="© OpenStreetMap",
    )  # fmt: skip
    response = _where_page(client)
    page = response.content.decode()
    assert 'data-tiles="https://tiles.doingam.example/{z}/{x}/{y}.png"' in page
    assert "/static/tourism/vendor/leaflet/leaflet.js" in page and _external(page) == []
    assert "img-src 'self' https://tiles.doingam.example" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url", ["http://tiles.example/{z}/{x}/{y}.png", "https://tiles.example/tile.png", "javascript:alert(1)"]
)
def test_a_tile_server_must_be_https_with_its_placeholders(site_pages, url):
    area = OfficeArea(office=default_office(), latitude="19.91", longitude="99.83", tile_url=url)
    with pytest.raises(ValidationError):
        area.full_clean()
