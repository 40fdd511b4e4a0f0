import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.models import EmergencyNumber, OrganisationSettings
from home.models.site_settings import FooterMenuItem, HeaderMenuItem
from tests.home.factories import add_information_page, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def menu_pages(thai_home, english):
    org = OrganisationSettings.for_site(Site.objects.get())
    org.name_th, org.name_en = "เทศบาลตำบลทดสอบ", "Test Municipality"
    org.save()
    pages = []
    for number in range(5):
        page = add_information_page(thai_home, f"หน้า {number}", f"page-{number}")
        translate(page, english, title=f"Page {number}")
        HeaderMenuItem.objects.create(settings=org, sort_order=number, link_page=page)
        pages.append(page)
    FooterMenuItem.objects.create(settings=org, link_page=pages[0], label_th="นโยบาย", label_en="Policy")
    EmergencyNumber.objects.create(settings=org, label_th="ตำรวจ", label_en="Police", number="191")
    return pages


def test_menu_links_follow_the_visitors_language(client, menu_pages):
    thai = client.get("/th/").text
    english = client.get("/en/").text
    assert '<a href="/th/page-0/">หน้า 0</a>' in thai
    assert '<a href="/en/page-0/">Page 0</a>' in english
    assert '<a href="/en/page-0/">Policy</a>' in english
    assert 'Police: <a href="tel:191">191</a>' in english
    assert "Test Municipality" in english and "เทศบาลตำบลทดสอบ" in thai


def test_menus_cost_no_queries_once_cached_whatever_their_length(client, menu_pages):
    client.get("/th/page-1/")
    with CaptureQueriesContext(connection) as five_items:
        client.get("/th/page-1/")
    HeaderMenuItem.objects.create(
        settings=OrganisationSettings.for_site(Site.objects.get()), sort_order=9, link_page=menu_pages[2]
    )
    client.get("/th/page-1/")
    with CaptureQueriesContext(connection) as six_items:
        client.get("/th/page-1/")
    assert len(six_items) == len(five_items)
    assert not [q for q in five_items.captured_queries if "menuitem" in q["sql"].lower()]


def test_publishing_a_page_refreshes_the_cached_menu(client, menu_pages):
    client.get("/th/")
    page = menu_pages[0]
    page.title = "หน้าใหม่"
    page.save_revision().publish()
    assert '<a href="/th/page-0/">หน้าใหม่</a>' in client.get("/th/").text


def test_an_unpublished_page_drops_out_of_the_menu(client, menu_pages):
    client.get("/th/")
    menu_pages[3].unpublish()
    assert "/th/page-3/" not in client.get("/th/").text
