import pytest

from home.thai_text import segment
from tests.home.factories import add_information_page, translate

pytestmark = pytest.mark.django_db


def test_segmentation_puts_spaces_between_thai_words_and_leaves_english_alone():
    assert segment("ค่าธรรมเนียมเก็บขยะ").split() == ["ค่าธรรมเนียม", "เก็บ", "ขยะ"]
    assert segment("Garbage fee 20 baht") == "Garbage fee 20 baht"


@pytest.fixture
def garbage_page(thai_home, english):
    page = add_information_page(
        thai_home, "ค่าธรรมเนียมเก็บขยะ", "garbage-fee", introduction="ชำระค่าธรรมเนียมเก็บขยะรายเดือน"
    )
    translate(page, english, title="Garbage collection fee", introduction="Pay the monthly garbage fee")
    add_information_page(thai_home, "ภาษีป้าย", "signboard-tax", introduction="การยื่นแบบภาษีป้าย")
    return page


def result_titles(client, language, query):
    response = client.get(f"/{language}/search/", {"query": query})
    assert response.status_code == 200
    return response.context["results_page"].object_list


def test_a_thai_word_is_found_inside_a_thai_sentence(client, garbage_page):
    titles = [page.title for page in result_titles(client, "th", "ขยะ")]
    assert "ค่าธรรมเนียมเก็บขยะ" in titles
    assert "ภาษีป้าย" not in titles


def test_a_thai_phrase_typed_without_spaces_finds_the_page(client, garbage_page):
    titles = [page.title for page in result_titles(client, "th", "เก็บขยะรายเดือน")]
    assert titles[0] == "ค่าธรรมเนียมเก็บขยะ"


def test_english_search_finds_the_english_page_and_lists_it_first(client, garbage_page):
    results = result_titles(client, "en", "garbage")
    assert results[0].title == "Garbage collection fee"
    assert results[0].locale.language_code == "en"


def test_search_covers_both_languages(client, garbage_page):
    # A Thai word typed on the English site still finds the Thai page.
    titles = [page.title for page in result_titles(client, "en", "ภาษีป้าย")]
    assert "ภาษีป้าย" in titles


def test_unpublished_pages_are_not_found(client, garbage_page):
    garbage_page.unpublish()
    assert [p for p in result_titles(client, "th", "ขยะ") if p.pk == garbage_page.pk] == []


@pytest.mark.parametrize("query", ["", "   ", "a" * 5000, "' OR 1=1 --", "<script>alert(1)</script>", "\x00"])
def test_odd_queries_get_a_page_not_an_error(client, site_pages, query):
    response = client.get("/th/search/", {"query": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_search_results_say_how_many_were_found_in_thai(client, garbage_page):
    html = client.get("/th/search/", {"query": "ขยะ"}).text
    assert "พบ 1 รายการสำหรับ “ขยะ”" in html
