"""Thai and English: the catalogue, translated pages and categories, staff permissions, the demo."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import translation

from home.demo.translate import translate_page
from home.groups import COMMUNICATIONS_STAFF
from home.models import OrganisationSettings
from tourism import demo
from tourism.constants import Access, Weekday
from tourism.models import AttractionCategory, AttractionPage, EventPage

from .conftest import make_attraction, make_event

pytestmark = pytest.mark.django_db


def test_choices_and_labels_in_thai():
    with translation.override("th"):
        assert str(Weekday.SATURDAY.label) == "วันเสาร์"
        assert str(Access.PARTLY.label) == "มีบางส่วน"
        assert str(AttractionPage._meta.verbose_name) == "สถานที่ท่องเที่ยว"
    with translation.override("en"):
        assert str(Access.PARTLY.label) == "Partly"


def _english_category(category, english, name):
    translated = category.copy_for_translation(english)
    translated.name = name
    translated.save()
    return translated


def test_translated_pages_follow_the_visitors_language(
    client, index, temple, english, django_capture_on_commit_callbacks
):
    _english_category(temple, english, "Temple")
    place = make_attraction(index, "วัดดอย", category=temple, address="หมู่ 1")
    event = make_event(index, "งานวัด", start=dt.date(2030, 1, 5), place_page=place, place_name="")
    words = {
        "ท่องเที่ยว": "Tourism",
        "เที่ยวดอยงาม": "Visit Doi Ngam",
        "วัดดอย": "Doi Temple",
        "สรุป": "Summary",
        "หมู่ 1": "Moo 1",
        "งานวัด": "Temple fair",
        "สรุปกิจกรรม": "Event summary",
        "ลานกิจกรรม": "Event ground",
    }
    for page in (index, place, event):
        with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
            translate_page(page, words)

    english_place = AttractionPage.objects.get(locale=english)
    assert english_place.category.name == "Temple"  # wagtail-localize points it at the English category
    assert list(english_place.periods()) == list(place.periods())  # hours are synchronised

    html = client.get("/en/tourism/").content.decode()
    assert "Doi Temple" in html and "Temple fair" in html and "Kind of place" in html
    assert 'hreflang="th"' in html
    thai_html = client.get("/th/tourism/").content.decode()
    assert "วัดดอย" in thai_html and "ประเภทสถานที่" in thai_html and "Doi Temple" not in thai_html

    # The English event's attraction is the English page, although the event was chosen in Thai.
    english_event = EventPage.objects.get(locale=english)
    event_html = client.get(english_event.url).content.decode()
    assert 'href="/en/tourism/place-' in event_html and "Doi Temple" in event_html
    assert "5 January 2030" in event_html
    assert '<meta property="og:locale" content="en_US">' in event_html
    # Categories of the English index are the English ones.
    assert [c.name for c in client.get("/en/tourism/").context["categories"]] == ["Temple"]


def test_category_slugs_are_unique_per_language(temple, english):
    _english_category(temple, english, "Temple")
    with pytest.raises(IntegrityError), transaction.atomic():
        AttractionCategory.objects.create(locale=temple.locale, name="อื่น", slug="temple")


def test_communications_staff_edit_categories(communications_user, client):
    codenames = set(
        Group.objects.get(name=COMMUNICATIONS_STAFF)
        .permissions.filter(content_type__app_label="tourism")
        .values_list("codename", flat=True)
    )
    assert codenames == {
        "add_attractioncategory",
        "change_attractioncategory",
        "delete_attractioncategory",
        "view_attractioncategory",
    }
    assert communications_user.has_perm("tourism.change_attractioncategory")


def test_demo_is_complete_and_can_be_loaded_twice(thai_home, english, django_capture_on_commit_callbacks):
    site = thai_home.get_site()
    org = OrganisationSettings.for_site(site)
    org.name_th = "เทศบาลทดสอบ"
    org.save()
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(thai_home)
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(thai_home)
    thai = thai_home.locale
    assert AttractionPage.objects.filter(locale=thai).count() >= 8
    assert EventPage.objects.filter(locale=thai).count() >= 4
    assert (
        AttractionPage.objects.filter(locale=english).live().count()
        == AttractionPage.objects.filter(locale=thai).count()
    )
    assert (
        EventPage.objects.filter(locale=english).live().count()
        == EventPage.objects.filter(locale=thai).count()
    )
    assert (
        AttractionCategory.objects.filter(locale=english).count()
        == AttractionCategory.objects.filter(locale=thai).count()
    )
    assert org.header_menu_items.filter(link_page__slug="tourism").count() == 1
    kinds = set(AttractionPage.objects.filter(locale=thai).values_list("category__slug", flat=True))
    assert {"temple", "nature", "viewpoint", "market", "community"} <= kinds
    english_names = set(AttractionPage.objects.filter(locale=english).values_list("title", flat=True))
    assert "Huai Nam Sai Waterfall" in english_names
