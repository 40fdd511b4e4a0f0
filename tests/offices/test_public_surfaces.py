"""Nothing of one office on another's public surfaces: search, sitemap, the home page's news link,
tourism's "nearby" and "events here" (issue 12). Each office's pages in both languages are its own."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.conftest import publish_translation
from tests.home.factories import add_information_page, add_news, add_news_index
from tests.offices.conftest import SECOND_HOST, create_second_office
from tests.query_counts import uncached_queries
from tests.tourism.conftest import make_attraction, make_event
from tourism.models import TourismIndexPage

pytestmark = pytest.mark.django_db

FIRST = "localhost"


def homes(office):
    """(Thai home, English home) of an office."""
    thai = office.site.root_page.specific
    english = Page.objects.get(translation_key=thai.translation_key, locale__language_code="en").specific
    return thai, english


@pytest.fixture
def garbage_pages(first_office, second_office, english):
    """A garbage-fee page in each office, in Thai and English, each naming its own village."""
    pages = {}
    for office, village, village_en in (
        (first_office, "บ้านดอยงาม", "Doi Ngam village"),
        (second_office, "บ้านหนองบัว", "Nong Bua village"),
    ):
        thai_home, _english_home = homes(office)
        page = add_information_page(
            thai_home, f"ค่าธรรมเนียมเก็บขยะ{village}", "garbage-fee", introduction="ชำระค่าเก็บขยะรายเดือน"
        )
        translated = publish_translation(
            page, english, title=f"Garbage fee of {village_en}", introduction="Pay the garbage fee monthly"
        )
        pages[office.code] = (page, translated)
    return pages


def search(client, host, language, query):
    response = client.get(f"/{language}/search/", {"query": query}, HTTP_HOST=host)
    assert response.status_code == 200
    return [page.title for page in response.context["results_page"].object_list]


def test_thai_search_without_spaces_finds_only_this_offices_pages(client, garbage_pages):
    first = search(client, FIRST, "th", "เก็บขยะรายเดือน")
    second = search(client, SECOND_HOST, "th", "เก็บขยะรายเดือน")
    assert first == ["ค่าธรรมเนียมเก็บขยะบ้านดอยงาม"]
    assert second == ["ค่าธรรมเนียมเก็บขยะบ้านหนองบัว"]


def test_english_search_finds_this_offices_english_tree_and_not_the_others(client, garbage_pages):
    assert search(client, FIRST, "en", "garbage") == ["Garbage fee of Doi Ngam village"]
    assert search(client, SECOND_HOST, "en", "garbage") == ["Garbage fee of Nong Bua village"]
    # The other office's home page (its name) is not found either.
    assert search(client, FIRST, "th", "หนองบัว") == []


def test_the_sitemap_lists_this_offices_pages_in_both_languages_and_no_other(client, garbage_pages):
    first = client.get("/sitemap.xml", HTTP_HOST=FIRST).text
    second = client.get("/sitemap.xml", HTTP_HOST=SECOND_HOST).text
    assert "http://localhost/th/garbage-fee/" in first and "http://localhost/en/garbage-fee/" in first
    assert SECOND_HOST not in first
    assert f"http://{SECOND_HOST}/th/garbage-fee/" in second
    assert f"http://{SECOND_HOST}/en/garbage-fee/" in second
    assert f"http://{SECOND_HOST}/th/services/" in second
    assert "localhost" not in second


def test_the_home_page_links_to_its_own_news_never_to_another_offices(client, first_office, second_office):
    second_home, _english = homes(second_office)
    index = add_news_index(second_home, title="ข่าวหนองบัว")
    add_news(index, "ประกาศหนองบัว", "notice")
    first = client.get("/th/", HTTP_HOST=FIRST)
    assert first.context["news_index"]() is None
    body = first.content.decode()
    assert "ประกาศหนองบัว" not in body and SECOND_HOST not in body
    second = client.get("/th/", HTTP_HOST=SECOND_HOST)
    assert second.context["news_index"]().pk == index.pk
    assert "ประกาศหนองบัว" in second.content.decode()


def test_search_and_sitemap_queries_do_not_grow_with_the_number_of_offices(client, garbage_pages):
    search_url = "/th/search/?query=ขยะ"
    before = uncached_queries(client, search_url), _sitemap_queries(client)
    third = create_second_office(domain="third.example", code="third", name_th="เทศบาลที่สาม", name_en="Third")
    add_information_page(homes(third)[0], "ค่าเก็บขยะเทศบาลที่สาม", "garbage-fee")
    assert (uncached_queries(client, search_url), _sitemap_queries(client)) == before


def _sitemap_queries(client):
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/sitemap.xml").status_code == 200
    return len(captured)


# Tourism ----------------------------------------------------------------------------------------------


def _tourism(office):
    thai_home, _english_home = homes(office)
    page = TourismIndexPage(title="ท่องเที่ยว", slug="tourism", introduction="เที่ยว")
    thai_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_nearby_places_and_events_here_are_this_offices_own(client, first_office, second_office):
    first_index, second_index = _tourism(first_office), _tourism(second_office)
    waterfall = make_attraction(first_index, "น้ำตกดอยงาม", lat="19.9105", lon="99.8406")
    make_attraction(first_index, "วัดดอยงาม", lat="19.9300", lon="99.8500")
    # Next door, just over the boundary: closer than the first office's own temple.
    make_attraction(second_index, "ถ้ำหนองบัว", lat="19.9110", lon="99.8410")
    # The second office's festival names the first office's waterfall as its place.
    soon = datetime.date.today() + datetime.timedelta(days=30)
    make_event(second_index, "เทศกาลหนองบัว", start=soon, place_page=waterfall)
    make_event(first_index, "งานน้ำตกดอยงาม", start=soon, place_page=waterfall)

    response = client.get(waterfall.url, HTTP_HOST=FIRST)
    assert [page.title for page, _km in response.context["nearby"]] == ["วัดดอยงาม"]
    assert [event.title for event in response.context["events_here"]] == ["งานน้ำตกดอยงาม"]
    body = response.content.decode()
    assert "ถ้ำหนองบัว" not in body and "เทศกาลหนองบัว" not in body


def test_a_tourism_index_lists_only_its_own_office(client, first_office, second_office):
    make_attraction(_tourism(first_office), "น้ำตกดอยงาม")
    make_attraction(_tourism(second_office), "ถ้ำหนองบัว")
    body = client.get("/th/tourism/", HTTP_HOST=FIRST).content.decode()
    map_body = client.get("/th/tourism/map/", HTTP_HOST=FIRST).content.decode()
    assert "น้ำตกดอยงาม" in body and "ถ้ำหนองบัว" not in body
    assert "น้ำตกดอยงาม" in map_body and "ถ้ำหนองบัว" not in map_body
    assert TourismIndexPage.objects.count() == 2
