"""Every public page type costs the same number of queries however many children, cards, blocks or
results it shows (counted as a page-cache miss, with fragments and renditions warm). The home page and
the news and tourism indexes have their own tests beside their features."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from eforms.models import EServicePage
from home.models import ContactPage, OrganisationSettings
from tests.eforms.factories import add_catalogue, make_service, three_step_fields
from tests.home.factories import add_information_page, add_news, add_news_index
from tests.query_counts import uncached_queries
from tests.tourism.conftest import make_event
from tourism.models import TourismIndexPage

pytestmark = pytest.mark.django_db


def image(number):
    return Image.objects.create(title=f"ภาพ {number}", file=get_test_image_file())


def document(number):
    return Document.objects.create(
        title=f"เอกสาร {number}", file=ContentFile(b"a,b\n1,2\n", name=f"d{number}.csv")
    )


def body(count):
    """`count` of each block that loads a row: images and documents (loaded together, whatever their
    number). Page links, in rich text or a call to action, still cost a query each: Wagtail's
    `localized` asks for the active locale every time."""
    blocks = []
    for number in range(count):
        blocks += [
            ("image", {"image": image(number), "alt_text": "ภาพ", "caption": ""}),
            ("document", {"document": document(number), "title": ""}),
            ("paragraph", f"<p>ย่อหน้า {number}</p>"),
        ]
    return blocks


def grows(client, url, build, few=1, many=5):
    """(queries with `few` items, queries with `many`); `build(n)` adds n items to what `url` shows."""
    build(few)
    first = uncached_queries(client, url)
    build(many - few)
    return first, uncached_queries(client, url)


@pytest.fixture(autouse=True)
def organisation(thai_home):
    """Every site has its settings (made on the first page view otherwise, which counts once)."""
    return OrganisationSettings.objects.create(site=Site.objects.get(), name_th="เทศบาลตำบลทดสอบ")


def test_home_page_uncached_costs_at_most_ten_queries(client, thai_home):
    news = add_news_index(thai_home)
    for number in range(4):
        item = add_news(news, f"ข่าว {number}", f"news-{number}")
        item.image = image(number)
        item.save_revision().publish()
    thai_home.hero_image = image(9)
    thai_home.shortcuts = [("shortcut", {"page": news, "title": "", "description": ""})]
    thai_home.save_revision().publish()
    assert uncached_queries(client, "/th/") <= 10


def test_information_and_contact_pages_do_not_grow_with_their_blocks(client, thai_home):
    page = add_information_page(thai_home, "ข้อมูล", "info")
    contact = ContactPage(title="ติดต่อ", slug="contact", address="ที่อยู่")
    thai_home.add_child(instance=contact)

    def build(page):
        blocks = []

        def add(count):
            blocks.extend(body(count))
            page.body = blocks
            page.save_revision().publish()

        return add

    assert len(set(grows(client, "/th/info/", build(page)))) == 1
    assert len(set(grows(client, "/th/contact/", build(contact)))) == 1


def test_news_item_does_not_grow_with_its_blocks(client, thai_home):
    news = add_news_index(thai_home)
    item = add_news(news, "ข่าว", "item")
    item.image = image(0)

    blocks = []

    def add(count):
        blocks.extend(body(count))
        item.body = blocks
        item.save_revision().publish()

    assert len(set(grows(client, "/th/news/item/", add))) == 1


def test_catalogue_and_service_page_do_not_grow(client, thai_home):
    catalogue = add_catalogue(thai_home)
    made = []

    def add_services(count):
        for _ in range(count):
            made.append(
                make_service(
                    catalogue, slug=f"service-{len(made)}", reference_prefix="S" + "ABCDEFGH"[len(made)]
                )
            )

    assert len(set(grows(client, "/th/services/", add_services))) == 1

    service = make_service(
        catalogue, slug="with-fields", fields=three_step_fields()[:2], reference_prefix="WF"
    )
    few = uncached_queries(client, service.url)
    service = EServicePage.objects.get(pk=service.pk)
    for item in three_step_fields()[2:]:
        service.form_fields.add(item)
    service.documents_required = "\n".join(f"เอกสาร {n}" for n in range(8))
    service.save_revision().publish()
    assert uncached_queries(client, service.url) == few


def test_event_page_does_not_grow_with_its_gallery(client, thai_home):
    index = TourismIndexPage(title="ท่องเที่ยว", slug="tourism")
    thai_home.add_child(instance=index)
    index.save_revision().publish()
    event = make_event(index, "งานประจำปี", image=image(0))

    gallery = []

    def add(count):
        gallery.extend(("image", {"image": image(n), "alt_text": "ภาพ", "caption": ""}) for n in range(count))
        event.gallery = gallery
        event.save_revision().publish()

    assert len(set(grows(client, event.url, add))) == 1


def test_search_does_not_grow_with_its_results(client, thai_home):
    made = []

    def add(count):
        for _ in range(count):
            made.append(add_information_page(thai_home, f"ค่าธรรมเนียมเก็บขยะ {len(made)}", f"fee-{len(made)}"))

    assert len(set(grows(client, "/th/search/?query=ขยะ", add))) == 1
