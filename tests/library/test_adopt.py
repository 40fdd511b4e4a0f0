"""An office adds a model service to its catalogue in one action; `create_office --services` does it
for a new office in the same transaction."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from casework.models import ServiceHandler
from eforms.models import EServicePage
from library import services
from library.content import snapshot
from library.models import Adoption
from offices.models import Office
from tests.library.conftest import HOSTS

pytestmark = pytest.mark.django_db


def test_adopting_copies_the_newest_version_as_the_offices_own_page_in_both_languages(
    client, library, office
):
    adoption = services.adopt(office, library["food-shop"])
    page = adoption.page
    assert page.live and page.get_parent().specific == services.catalogue_of(office)
    assert page.title == "ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร" and page.fee_amount == 500
    assert [f.key for f in page.form_fields.all()][:3] == ["applicant_step", "full_name", "national_id"]
    assert adoption.version == library["food-shop"].newest_version
    assert adoption.baseline == snapshot(page) == library["food-shop"].newest_version.values

    thai = client.get(f"/th/services/{page.slug}/", HTTP_HOST=HOSTS[0])
    assert thai.status_code == 200 and "ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร" in thai.content.decode()
    english = client.get(f"/en/services/{page.slug}/", HTTP_HOST=HOSTS[0])
    assert english.status_code == 200
    assert "Food shop licence" in english.content.decode()
    assert "Public Health Act B.E. 2535 (1992)" in english.content.decode()
    assert "Food shop licence" in client.get("/en/services/", HTTP_HOST=HOSTS[0]).content.decode()


def test_the_offices_permit_officers_handle_it(library, office):
    adoption = services.adopt(office, library["garbage-fee"])
    handlers = ServiceHandler.objects.filter(service=adoption.page)
    assert [handler.group.name for handler in handlers] == ["nongbua: เจ้าหน้าที่ผู้รับคำขอ"]


def test_the_same_model_service_twice_is_refused(library, office):
    services.adopt(office, library["complaint"])
    with pytest.raises(services.LibraryError, match="already in the catalogue|มีอยู่แล้ว"):
        services.adopt(office, library["complaint"])
    assert EServicePage.objects.filter(slug__startswith="complaint").count() == 2  # Thai and English


def counts():
    return (
        Site.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        Office.objects.count(),
        Adoption.objects.count(),
    )


def create(services_option, code="third", host="third.example"):
    call_command(
        "create_office",
        domain=host,
        code=code,
        name_th="เทศบาลตำบลที่สาม",
        name_en="Third Municipality",
        services=services_option,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    return Office.objects.get(code=code)


def test_create_office_with_services_puts_them_in_its_catalogue(client, settings, site_pages, library):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "third.example"]
    office = create("food-shop, garbage-fee")
    assert sorted(office.adoptions.values_list("model_service__code", flat=True)) == [
        "food-shop",
        "garbage-fee",
    ]
    catalogue = client.get("/th/services/", HTTP_HOST="third.example").content.decode()
    assert "ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร" in catalogue and "ชำระค่าธรรมเนียมเก็บขยะมูลฝอย" in catalogue
    assert "จดทะเบียนพาณิชย์" not in catalogue


def test_create_office_with_all_services(site_pages, library):
    office = create("all")
    assert office.adoptions.count() == 13


def test_an_unknown_service_code_is_refused_and_nothing_is_created(site_pages, library):
    before = counts()
    with pytest.raises(CommandError, match="food-shopp") as error:
        create("garbage-fee,food-shopp")
    message = str(error.value)
    assert message.index("food-shopp") < message.index("garbage-fee")  # the unknown code, then the known ones
    assert counts() == before


def test_services_with_an_empty_library_are_refused(site_pages):
    before = counts()
    with pytest.raises(CommandError):
        create("garbage-fee")
    assert counts() == before
