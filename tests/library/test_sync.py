"""`sync_library` loads the model services kept once, and records a version only when one changed."""

import pytest
from django.core.management import call_command

from eforms import demo
from library import catalogue
from library.content import texts
from library.models import ModelService, ModelServiceVersion
from library.sync import sync_library
from tests.library.conftest import release

pytestmark = pytest.mark.django_db

ISSUE_SERVICES = {
    "building-permit",
    "food-shop",
    "health-hazard",
    "commercial-registration",
    "garbage-fee",
    "elderly-allowance",
    "disability-allowance",
    "newborn-allowance",
    "complaint",
    "water-delivery",
    "sewage-suction",
    "mosquito-fogging",
    "house-number",
}


def test_every_service_of_the_issue_is_in_the_library_at_version_1(library):
    assert set(library) == ISSUE_SERVICES
    assert set(ModelServiceVersion.objects.values_list("number", flat=True)) == {1}
    food = library["food-shop"].newest_version.values["page"]
    assert "พระราชบัญญัติการสาธารณสุข พ.ศ. 2535" in food["legal_basis"]
    assert food["fee_amount"] == "500.00" and food["processing_days"] == 30
    assert "สำเนาบัตรประจำตัวประชาชน" in food["documents_required"]
    assert library["building-permit"].title_en == "Building construction permit"


def test_every_thai_text_of_every_model_service_has_its_english(library):
    for service in library.values():
        version = service.newest_version
        missing = [text for text in texts(version.values) if text not in version.english]
        assert not missing, (service.code, missing)


def test_running_it_again_records_no_new_version(library):
    result = sync_library()
    assert len(result.unchanged) == 13 and not result.created and not result.updated
    assert ModelServiceVersion.objects.count() == 13


def test_a_changed_definition_gets_a_new_version_and_only_that_one(library):
    result = release("garbage-fee", fee=60)
    assert result.updated == ["garbage-fee"]
    garbage = ModelService.objects.get(code="garbage-fee")
    assert [v.number for v in garbage.versions.all()] == [1, 2]
    assert garbage.newest_version.values["page"]["fee_amount"] == "60.00"
    assert ModelService.objects.get(code="food-shop").versions.count() == 1
    assert release("garbage-fee", fee=60).unchanged == ["garbage-fee"]  # the same again: nothing new


def test_the_demo_and_the_library_share_one_definition():
    """The demo's Doi Ngam services and the library's model services are the same definitions: a form
    changed in `eforms.demo` changes the library's (no second copy to forget)."""
    demo_services = {definition["slug"]: definition for definition in demo.SERVICES}
    definitions = catalogue.definitions()
    assert definitions["garbage-fee"]["fields"] is demo_services["garbage-fee"]["fields"]
    assert definitions["food-shop"]["fields"] is demo_services["food-shop-licence"]["fields"]
    # Only what names Doi Ngam is said generally in the library.
    assert "ดอยงาม" not in str(definitions["food-shop"]["legal"])
    assert "ดอยงาม" in str(demo_services["food-shop-licence"]["legal"])


def test_the_command_reports_what_it_did(db, capsys):
    call_command("sync_library")
    assert "13 new" in capsys.readouterr().out
    call_command("sync_library")
    assert "0 new, 0 with a new version, 13 unchanged" in capsys.readouterr().out
