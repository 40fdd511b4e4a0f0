import pytest

from tests.home.factories import add_information_page, translate

pytestmark = pytest.mark.django_db


def test_sitemap_lists_pages_in_both_languages(client, thai_home, english):
    page = add_information_page(thai_home, "เกี่ยวกับเทศบาล", "about")
    translate(page, english, title="About")
    add_information_page(thai_home, "ฉบับร่าง", "draft").unpublish()
    xml = client.get("/sitemap.xml").text
    assert "<loc>http://localhost/th/about/</loc>" in xml or "/th/about/</loc>" in xml
    assert "/en/about/</loc>" in xml
    assert "/th/draft/" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, site_pages):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
