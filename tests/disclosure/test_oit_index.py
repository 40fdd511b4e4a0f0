"""The public OIT index (`/th/oit/`): the office's items of the year in the assessment's order, each with
where it is published; another office's list and unpublished pages are not shown."""

import datetime

import pytest
from django.test import Client
from freezegun import freeze_time

from home.models import InformationPage
from tests.conftest import publish_translation
from tests.disclosure.factories import make_item
from tests.offices.conftest import SECOND_HOST

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 6)  # fiscal year 2570


@pytest.fixture
def about(thai_home):
    page = InformationPage(title="เกี่ยวกับเทศบาล", slug="about")
    thai_home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def checklist(first_office, about):
    return [
        make_item(first_office, "O10", "แผนดำเนินงานประจำปี"),
        make_item(first_office, "O2", "ข้อมูลผู้บริหาร", title_en="Executives", links=[about]),
        make_item(first_office, "O1", "โครงสร้าง", links=[about, "statistics"]),
        make_item(first_office, "O15", "ข้อมูลเชิงสถิติการให้บริการ", links=["statistics"]),
    ]


def codes(response):
    return [item.code for item, _links in response.context["rows"]]


@freeze_time(TODAY)
def test_the_index_lists_every_item_in_the_assessments_order_with_its_links(checklist):
    response = Client().get("/th/oit/")
    assert response.status_code == 200
    assert codes(response) == ["O1", "O2", "O10", "O15"]  # O2 before O10, not a text sort
    rows = dict((item.code, links) for item, links in response.context["rows"])
    assert [text for text, _url, _lang in rows["O1"]] == ["เกี่ยวกับเทศบาล", "สถิติการให้บริการ"]
    assert [url for _text, url, _lang in rows["O1"]] == ["/th/about/", "/th/statistics/"]
    text = response.content.decode()
    assert "การเปิดเผยข้อมูลสาธารณะ (OIT)" in text and "ยังไม่ได้เผยแพร่" in text  # O10 has no link
    assert text.index("โครงสร้าง") < text.index("ข้อมูลผู้บริหาร") < text.index("แผนดำเนินงานประจำปี")


@freeze_time(TODAY)
def test_the_english_index_uses_english_titles_and_pages_where_they_exist(checklist, about, english):
    publish_translation(about, english, title="About the municipality")
    response = Client().get("/en/oit/")
    text = response.content.decode()
    assert "Executives" in text and 'href="/en/about/"' in text and "About the municipality" in text
    assert 'href="/en/statistics/"' in text and "Service statistics" in text
    # An item without an English title shows the Thai one, marked as Thai for screen readers.
    assert '<span class="disclosure-title" lang="th">โครงสร้าง</span>' in text


@freeze_time(TODAY)
def test_an_unpublished_page_is_not_offered_to_visitors(checklist, about):
    about.unpublish()
    rows = dict((item.code, links) for item, links in Client().get("/th/oit/").context["rows"])
    assert rows["O2"] == []
    assert [url for _text, url, _lang in rows["O1"]] == ["/th/statistics/"]


@freeze_time(TODAY)
def test_another_office_sees_only_its_own_list(checklist, second_office):
    make_item(second_office, "O1", "โครงสร้าง อบต.หนองบัว")
    theirs = Client(HTTP_HOST=SECOND_HOST).get("/th/oit/")
    assert codes(theirs) == ["O1"] and "โครงสร้าง อบต.หนองบัว" in theirs.content.decode()
    assert "โครงสร้าง อบต.หนองบัว" not in Client().get("/th/oit/").content.decode()


@freeze_time(TODAY)
def test_years_are_chosen_among_the_last_five(checklist, first_office):
    make_item(first_office, "O1", "โครงสร้าง ปีก่อน", year=2569)
    assert codes(Client().get("/th/oit/?year=2569")) == ["O1"]
    assert codes(Client().get("/th/oit/?year=2568")) == []
    for year in ("2571", "2565", "abc"):
        assert Client().get(f"/th/oit/?year={year}").status_code == 404
