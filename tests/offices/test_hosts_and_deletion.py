"""A host that names no office, and deleting an office that holds citizens' requests."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.db import transaction
from django.db.models import ProtectedError
from wagtail.models import Site

from offices import codes
from offices.models import Office
from offices.signals import name_the_demo_office
from tests.offices.conftest import FIRST_EN, FIRST_TH, SECOND_HOST, SECOND_TH

pytestmark = pytest.mark.django_db

UNKNOWN_TH = "ไม่มีสำนักงานที่ที่อยู่นี้"


@pytest.fixture
def no_fallback(settings):
    settings.TAMBON_UNKNOWN_HOST_FALLBACK = False


def test_an_unknown_host_gets_a_platform_404_and_no_office_content(
    client, no_fallback, first_office, second_office
):
    for path in ("/th/", "/en/", "/th/services/", "/sitemap.xml", "/"):
        response = client.get(path, HTTP_HOST="nowhere.example")
        assert response.status_code == 404, path
        body = response.content.decode()
        for name in (FIRST_TH, FIRST_EN, SECOND_TH):
            assert name not in body
    assert UNKNOWN_TH in client.get("/th/", HTTP_HOST="nowhere.example").content.decode()


def test_a_page_stored_for_an_office_is_not_served_to_an_unknown_host(
    client, no_fallback, first_office, second_office
):
    assert client.get("/th/", HTTP_HOST="localhost").status_code == 200  # now in the page cache
    assert client.get("/th/", HTTP_HOST="nowhere.example").status_code == 404


def test_known_hosts_and_the_admin_still_answer(client, no_fallback, first_office, second_office):
    assert client.get("/th/", HTTP_HOST="localhost").status_code == 200
    assert client.get("/th/", HTTP_HOST=SECOND_HOST).status_code == 200
    assert client.get("/admin/login/", HTTP_HOST="nowhere.example").status_code == 200


def test_with_one_office_any_allowed_host_is_served_as_before(client, no_fallback, first_office):
    assert FIRST_TH in client.get("/th/", HTTP_HOST="nowhere.example").content.decode()


def test_development_and_tests_fall_back_to_the_default_office(client, settings, first_office, second_office):
    settings.TAMBON_UNKNOWN_HOST_FALLBACK = True
    assert client.get("/th/", HTTP_HOST="testserver").status_code == 200


# Deletion ---------------------------------------------------------------------------------------------
def test_an_office_with_requests_cannot_be_deleted(first_office, submission):
    with pytest.raises(ProtectedError, match="คำขอของประชาชน 1 รายการ"):
        first_office.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        Office.objects.filter(pk=first_office.pk).delete()
    with pytest.raises(ProtectedError):
        first_office.site.delete()
    with pytest.raises(ProtectedError):
        first_office.site.root_page.delete()
    assert Office.objects.filter(pk=first_office.pk).exists()


def test_an_office_without_requests_goes_with_its_site(first_office, second_office):
    second_office.site.delete()
    assert not Office.objects.filter(pk=second_office.pk).exists()
    assert Office.objects.filter(pk=first_office.pk).exists()


def test_the_admin_says_why_in_thai(client, administrator, first_office, submission):
    client.force_login(administrator)
    for url in (f"/admin/offices/delete/{first_office.pk}/", f"/admin/sites/delete/{first_office.site_id}/"):
        response = client.post(url, HTTP_REFERER="http://testserver/admin/", follow=True)
        assert response.status_code == 200
        body = response.content.decode()
        assert "มีคำขอของประชาชน 1 รายการ" in body, url
    assert Office.objects.filter(pk=first_office.pk).exists()
    assert Site.objects.filter(pk=first_office.site_id).exists()


# Codes and the data migration -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "hostname, taken, code",
    [
        ("www.doingam.go.th", set(), "doingam"),
        ("doingam.go.th", {"doingam"}, "office-7"),
        ("127.0.0.1", set(), "office-7"),
        ("127.0.0.1", {"office-7"}, "office-7-2"),
        ("localhost", set(), "localhost"),
    ],
)
def test_a_site_without_an_office_gets_a_code_from_its_host(hostname, taken, code):
    assert codes.code_for_site(hostname, 7, taken) == code


def test_the_data_migration_gives_every_existing_site_an_office(first_office):
    migration = import_module("offices.migrations.0002_an_office_for_every_site")
    Office.objects.all().delete()
    other = Site.objects.create(hostname="www.nongbua.go.th", port=80, root_page=first_office.site.root_page)
    Office.objects.filter(site=other).delete()  # as if it existed before offices
    migration.forwards(django_apps, None)
    assert dict(Office.objects.values_list("site__hostname", "code")) == {
        "localhost": "localhost",
        "www.nongbua.go.th": "nongbua",
    }


def test_a_site_made_elsewhere_gets_an_office(first_office):
    site = Site.objects.create(hostname="127.0.0.1", port=8001, root_page=first_office.site.root_page)
    assert Office.objects.get(site=site).code == f"office-{site.pk}"


def test_platform_administrators_see_the_offices_in_the_admin(
    client, administrator, first_office, second_office
):
    client.force_login(administrator)
    body = client.get("/admin/offices/").content.decode()
    assert "nongbua" in body and SECOND_TH in body and "สำนักงาน" in body


def test_the_demo_office_is_called_doingam(thai_home):
    office = Office.objects.get(site__root_page=thai_home)
    office.code = f"office-{office.site_id}"
    office.save()
    name_the_demo_office(sender=None, home_page=thai_home)
    assert Office.objects.get(pk=office.pk).code == "doingam"
