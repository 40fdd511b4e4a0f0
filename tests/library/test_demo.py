"""`load_demo` fills the library, and records the demo's services made from the library's definitions
as taken from version 1: what Doi Ngam's page says differently is its own change, kept by updates."""

import pytest

from eforms import demo as eforms_demo
from home.demo.signals import demo_loaded
from library import services
from library.demo import on_demo_loaded
from library.models import Adoption, ModelService
from offices.models import Office
from tests.eforms.factories import add_catalogue
from tests.library.conftest import release

pytestmark = pytest.mark.django_db


def demo_service(catalogue, slug):
    definition = next(d for d in eforms_demo.SERVICES if d["slug"] == slug)
    return eforms_demo._service_page(catalogue, definition)


def test_load_demo_fills_the_library():
    assert any(key[0] == "library-demo" for key, *_rest in demo_loaded.receivers)


def test_the_demo_offices_services_are_recorded_as_taken_from_the_library(thai_home):
    catalogue = add_catalogue(thai_home)
    garbage = demo_service(catalogue, "garbage-fee")
    food = demo_service(catalogue, "food-shop-licence")
    demo_service(catalogue, "street-light-repair")  # not a model service of the library
    on_demo_loaded(sender=None, home_page=thai_home)
    on_demo_loaded(sender=None, home_page=thai_home)  # again: nothing new

    assert ModelService.objects.count() == 13
    office = Office.objects.get()
    adoptions = {a.model_service.code: a for a in Adoption.objects.filter(office=office)}
    assert set(adoptions) == {"garbage-fee", "food-shop"}
    assert adoptions["garbage-fee"].page.pk == garbage.pk and adoptions["garbage-fee"].version.number == 1
    assert services.compare(adoptions["garbage-fee"]).own_changes == []
    # Doi Ngam's own ordinance is its own change: a newer library version keeps it.
    assert services.compare(adoptions["food-shop"]).own_changes == ["legal_basis"]
    release("food-shop", days=25)
    services.take_newest(adoptions["food-shop"])
    food.refresh_from_db()
    assert "เทศบัญญัติเทศบาลตำบลดอยงาม" in food.legal_basis and food.processing_days == 25
