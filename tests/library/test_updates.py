"""Bad input of issue 12: a library update never overwrites an office's own changes.

The office adopts the food shop licence, changes its fee, its division and one question of its form,
then the library releases a newer version that changes those too, and more. Taking it keeps the
office's three changes (shown as "kept your change") and updates the rest, in Thai and English.
"""

import pytest
from django.db import connection
from wagtail.models import Locale

from eforms.demo import F, tr
from eforms.models import EServicePage
from library import services
from tests.library.conftest import release

pytestmark = pytest.mark.django_db


def edit(page, form=None, **changes):
    """What the office's editor does in the admin: change and publish its page."""
    page = EServicePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    if form:
        fields = list(page.form_fields.all())
        for field in fields:
            if field.key in form:
                field.label = form[field.key]
        page.form_fields = fields
    page.save_revision().publish()
    return page


def fresh(page):
    return EServicePage.objects.get(pk=page.pk)


def labels(page):
    return {field.key: field.label for field in fresh(page).form_fields.all()}


@pytest.fixture
def adopted(library, office):
    adoption = services.adopt(office, library["food-shop"])
    edit(
        adoption.page,
        fee_amount=300,
        responsible_division="งานสาธารณสุข อบต.หนองบัว",
        form={"shop_name": "ชื่อกิจการ"},
    )
    return adoption


@pytest.fixture
def newer(adopted):
    release(
        "food-shop",
        fee=600,
        days=20,
        title=("ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสะสมอาหาร", "Food shop or food storage licence"),
        division=tr("กองสาธารณสุข", "Public Health Division"),
        field_labels={
            "shop_name": ("ชื่อร้านอาหาร", "Name of the restaurant"),
            "shop_area": ("พื้นที่ประกอบการ (ตารางเมตร)", "Area of the premises (square metres)"),
        },
        add_fields=[F("seats", "number", "จำนวนที่นั่ง", "Number of seats", required=False)],
    )
    return adopted


def test_the_office_sees_what_changed_and_which_of_its_own_changes_it_keeps(newer):
    comparison = services.compare(newer)
    assert comparison.is_behind and comparison.newest.number == 2
    shown = {change.unit: change.kept for change in comparison.changes}
    assert shown == {
        "title": False,
        "fee_amount": True,
        "processing_days": False,
        "responsible_division": True,
        "field:shop_name": True,
        "field:shop_area": False,
        "field:seats": False,
    }
    fee = next(change for change in comparison.changes if change.unit == "fee_amount")
    assert (fee.adopted, fee.newest, fee.current) == ("500.00", "600.00", "300.00")
    assert set(comparison.own_changes) == {"fee_amount", "responsible_division", "field:shop_name"}


def test_taking_the_newer_version_keeps_every_change_of_the_office(newer):
    services.take_newest(newer)
    page = fresh(newer.page)
    assert page.live and not page.has_unpublished_changes
    # The office's own changes stay.
    assert page.fee_amount == 300
    assert page.responsible_division == "งานสาธารณสุข อบต.หนองบัว"
    assert labels(page)["shop_name"] == "ชื่อกิจการ"
    # What it left as adopted is the library's newer value.
    assert page.title == "ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสะสมอาหาร"
    assert page.processing_days == 20
    assert labels(page)["shop_area"] == "พื้นที่ประกอบการ (ตารางเมตร)"
    assert list(labels(page))[-1] == "seats"
    newer.refresh_from_db()
    assert newer.version.number == 2
    # Against the new baseline the office's changes are still its own: the next update keeps them too.
    assert set(services.compare(newer).own_changes) == {
        "fee_amount",
        "responsible_division",
        "field:shop_name",
    }


def test_the_english_translation_follows_and_keeps_what_was_translated(newer):
    english_locale = Locale.objects.get(language_code="en")
    before = fresh(newer.page).get_translation(english_locale).specific
    untouched = {f.key: f.label for f in before.form_fields.all()}["full_name"]
    services.take_newest(newer)
    english = fresh(newer.page).get_translation(english_locale).specific
    assert english.live and english.title == "Food shop or food storage licence"
    assert english.processing_days == 20 and english.fee_amount == 300  # synchronised from the Thai page
    english_labels = {f.key: f.label for f in english.form_fields.all()}
    assert english_labels["shop_area"] == "Area of the premises (square metres)"
    assert english_labels["seats"] == "Number of seats"
    assert english_labels["full_name"] == untouched == "Full name"


def test_an_office_that_changed_nothing_gets_every_change(library, office):
    adoption = services.adopt(office, library["garbage-fee"])
    release("garbage-fee", fee=60, days=3)
    comparison = services.take_newest(adoption)
    assert not comparison.kept
    page = fresh(adoption.page)
    assert (page.fee_amount, page.processing_days) == (60, 3)


def test_unpublished_changes_are_refused_rather_than_published_or_lost(newer):
    page = fresh(newer.page)
    page.introduction = "ร่างที่ยังไม่เผยแพร่"
    page.save_revision()  # a draft, not published
    with pytest.raises(services.LibraryError):
        services.take_newest(newer)
    newer.refresh_from_db()
    assert newer.version.number == 1
    assert fresh(newer.page).processing_days == 30


def test_taking_the_version_it_already_has_is_refused(library, office):
    adoption = services.adopt(office, library["complaint"])
    with pytest.raises(services.LibraryError):
        services.take_newest(adoption)


def test_comparing_reads_a_handful_of_queries(newer, django_assert_max_num_queries):
    connection.queries_log.clear()
    with django_assert_max_num_queries(12):
        services.compare(newer)
