import datetime

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.home.factories import add_information_page, add_news, add_news_index, translate
from tests.query_counts import uncached_queries

pytestmark = pytest.mark.django_db


def shortcut(page, title=""):
    return ("shortcut", {"page": page, "title": title, "description": ""})


queries_for = uncached_queries


def test_shortcuts_lead_to_the_page_in_the_visitors_language(client, thai_home, english_home, english):
    page = add_information_page(thai_home, "ภาษีป้าย", "signboard-tax")
    translate(page, english, title="Signboard tax")
    thai_home.shortcuts = [shortcut(page, "ภาษีป้าย")]
    thai_home.save_revision().publish()
    english_home.shortcuts = [shortcut(page, "Signboard tax")]
    english_home.save_revision().publish()
    assert '<a class="shortcut" href="/th/signboard-tax/"><strong>ภาษีป้าย</strong>' in client.get("/th/").text
    assert (
        '<a class="shortcut" href="/en/signboard-tax/"><strong>Signboard tax</strong>'
        in client.get("/en/").text
    )


def test_an_unpublished_shortcut_target_is_left_out(client, thai_home):
    page = add_information_page(thai_home, "ภาษีป้าย", "signboard-tax")
    thai_home.shortcuts = [shortcut(page)]
    thai_home.save_revision().publish()
    page.unpublish()
    assert "signboard-tax" not in client.get("/th/").text


def test_home_page_queries_do_not_grow_with_shortcuts_or_news(client, thai_home):
    news = add_news_index(thai_home)
    pages = [add_information_page(thai_home, f"หน้า {n}", f"page-{n}") for n in range(6)]
    add_news(news, "ข่าว 1", "news-1")
    thai_home.shortcuts = [shortcut(pages[0])]
    thai_home.save_revision().publish()
    few = queries_for(client, "/th/")
    for n in range(2, 5):
        add_news(news, f"ข่าว {n}", f"news-{n}")
    thai_home.shortcuts = [shortcut(page) for page in pages]
    thai_home.save_revision().publish()
    assert queries_for(client, "/th/") == few


def test_latest_news_shows_the_three_newest_with_thai_dates(client, thai_home):
    news = add_news_index(thai_home)
    for day in range(1, 6):
        add_news(news, f"ข่าววันที่ {day}", f"news-{day}", date=datetime.date(2026, 11, day))
    html = client.get("/th/").text
    assert "ข่าววันที่ 5" in html and "ข่าววันที่ 3" in html
    assert "ข่าววันที่ 2" not in html
    assert "5 พฤศจิกายน 2569" in html


def test_news_index_queries_do_not_grow_with_the_news_on_the_page(client, thai_home):
    news = add_news_index(thai_home)

    def add_with_image(number):
        item = add_news(news, f"ข่าว {number}", f"news-{number}")
        item.image = Image.objects.create(title=f"ภาพ {number}", file=get_test_image_file())
        item.save_revision().publish()

    add_with_image(1)
    one = queries_for(client, "/th/news/")
    for number in range(2, 7):
        add_with_image(number)
    assert queries_for(client, "/th/news/") == one
