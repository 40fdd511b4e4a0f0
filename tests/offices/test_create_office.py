"""`create_office` makes a second office that serves its own pages on its own host, in both languages."""

import time

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, Site

from casework.models import Submission
from eforms.models import ServiceCataloguePage
from home.groups import PERMIT_OFFICERS
from offices.lookup import office_for_request, office_for_site
from offices.models import Office
from tests.casework.factories import make_submission
from tests.conftest import make_staff
from tests.eforms.factories import add_catalogue, make_service
from tests.offices.conftest import (
    FIRST_EN,
    FIRST_TH,
    SECOND_EN,
    SECOND_HOST,
    SECOND_TH,
    create_second_office,
)

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_a_new_office_is_ready_in_seconds(first_office):
    started = time.perf_counter()
    office = create_second_office()
    assert time.perf_counter() - started < 10
    assert office.site.hostname == SECOND_HOST and office.site.port == 80
    assert not office.site.is_default_site  # the first office stays the default
    assert office.organisation.name_th == SECOND_TH and office.organisation.name_en == SECOND_EN
    assert str(office) == SECOND_TH


def test_its_home_page_shows_its_own_name_in_thai_and_english(client, first_office, second_office):
    thai = text(client.get("/th/", HTTP_HOST=SECOND_HOST))
    assert SECOND_TH in thai and FIRST_TH not in thai
    english = text(client.get("/en/", HTTP_HOST=SECOND_HOST))
    assert SECOND_EN in english and FIRST_EN not in english
    assert '<html lang="en"' in english


def test_its_service_catalogue_answers_in_both_languages(client, second_office):
    assert "บริการออนไลน์" in text(client.get("/th/services/", HTTP_HOST=SECOND_HOST))
    assert "Online services" in text(client.get("/en/services/", HTTP_HOST=SECOND_HOST))


def test_nothing_of_one_office_on_the_others_home_page(client, first_office, second_office):
    first = text(client.get("/th/", HTTP_HOST="localhost"))
    assert FIRST_TH in first and SECOND_TH not in first
    first_en = text(client.get("/en/", HTTP_HOST="localhost"))
    assert SECOND_EN not in first_en
    second = text(client.get("/th/", HTTP_HOST=SECOND_HOST))
    assert FIRST_TH not in second and "ยินดีต้อนรับ" not in second  # the first office's hero title


def test_the_request_finds_its_office(rf, first_office, second_office):
    assert office_for_request(rf.get("/th/", HTTP_HOST=SECOND_HOST)) == second_office
    assert office_for_request(rf.get("/th/", HTTP_HOST="localhost")) == first_office
    assert office_for_site(second_office.site) == second_office
    assert office_for_site(None) is None


def test_the_office_has_its_own_staff_groups_limited_to_its_pages(
    django_user_model, first_office, second_office
):
    names = set(Group.objects.filter(name__startswith="nongbua: ").values_list("name", flat=True))
    assert names == {
        "nongbua: เจ้าหน้าที่ผู้รับคำขอ",
        "nongbua: เจ้าหน้าที่ประชาสัมพันธ์",
        "nongbua: ผู้ช่วยเจ้าหน้าที่ประชาสัมพันธ์",
        "nongbua: ผู้ดูแลระบบ",
    }
    editor = make_staff(django_user_model, "nongbua-editor", "nongbua: เจ้าหน้าที่ประชาสัมพันธ์")
    own_home = second_office.site.root_page
    own_english = own_home.get_translations().get()
    other_home = first_office.site.root_page
    assert own_home.permissions_for_user(editor).can_publish()
    assert own_english.permissions_for_user(editor).can_edit()
    assert not other_home.permissions_for_user(editor).can_edit()
    # Model permissions follow the installation's group of the same role, without platform-wide ones.
    officer_group = Group.objects.get(name="nongbua: เจ้าหน้าที่ผู้รับคำขอ")
    installation = set(Group.objects.get(name=PERMIT_OFFICERS).permissions.values_list("codename", flat=True))
    assert set(officer_group.permissions.values_list("codename", flat=True)) == installation
    administrators = Group.objects.get(name="nongbua: ผู้ดูแลระบบ")
    assert not administrators.permissions.filter(codename__in=["change_user", "change_site", "delete_office"])


def test_an_office_administrator_does_not_see_another_offices_requests(
    client, django_user_model, first_office, second_office
):
    """Their "every request" is their own office's (casework.access): another office's is a missing one."""
    catalogue = first_office.site.root_page.get_children().type(ServiceCataloguePage).first()
    catalogue = catalogue or add_catalogue(first_office.site.root_page.specific)
    submission = make_submission(make_service(catalogue, slug="first-office-service", reference_prefix="FO"))
    admin = make_staff(django_user_model, "nongbua-admin", "nongbua: ผู้ดูแลระบบ")
    assert not Submission.objects.visible_to(admin).exists()
    client.force_login(admin)
    opened = client.get(reverse("inbox:detail", args=[submission.pk]))
    missing = client.get(reverse("inbox:detail", args=[submission.pk + 1000]))
    assert (
        (opened.status_code, opened.get("Location"))
        == (missing.status_code, missing.get("Location"))
        == (302, "/admin/")
    )
    assert submission.reference not in client.get(reverse("inbox:index") + "?status=all").content.decode()


def test_junior_editors_of_the_office_are_approved_by_its_own_communications_staff(second_office):
    workflow = second_office.site.root_page.get_workflow()
    approvers = workflow.tasks.first().specific.groups.all()
    assert [group.name for group in approvers] == ["nongbua: เจ้าหน้าที่ประชาสัมพันธ์"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"domain": SECOND_HOST, "code": "other"}, "เป็นเว็บไซต์ของ"),
        ({"domain": "third.example"}, "ถูกใช้แล้ว"),
    ],
)
def test_an_address_or_code_already_used_is_refused_and_nothing_is_created(
    first_office, second_office, change, message
):
    counts = (Site.objects.count(), Page.objects.count(), Group.objects.count(), Office.objects.count())
    with pytest.raises(CommandError, match=message):
        create_second_office(**change)
    assert counts == (
        Site.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        Office.objects.count(),
    )


@pytest.mark.parametrize("code", ["Nong Bua", "หนองบัว", "x", "1st"])
def test_a_code_that_is_not_a_latin_slug_is_refused(first_office, code):
    with pytest.raises(CommandError, match="ใช้ไม่ได้"):
        create_second_office(code=code, domain="third.example")
    assert not Site.objects.filter(hostname="third.example").exists()


def test_a_failure_half_way_leaves_nothing_behind(first_office, monkeypatch):
    counts = (Site.objects.count(), Page.objects.count(), Group.objects.count(), Office.objects.count())

    def broken(*args, **kwargs):
        raise RuntimeError("groups failed")

    monkeypatch.setattr("offices.services.create_office_groups", broken)
    with pytest.raises(RuntimeError):
        create_second_office()
    assert counts == (
        Site.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        Office.objects.count(),
    )


def test_services_are_refused_while_the_library_is_empty(first_office):
    """Services come from the shared library (tests/library); before `sync_library` there are none."""
    with pytest.raises(CommandError, match="sync_library"):
        call_command(
            "create_office", domain=SECOND_HOST, code="nongbua", name_th=SECOND_TH, services="garbage-fee"
        )
    assert not Office.objects.filter(code="nongbua").exists()


def test_a_platform_administrator_creates_an_office_from_the_admin(
    client, administrator, first_office, settings
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "maeon.example"]
    client.force_login(administrator)
    form = {
        "name_th": "เทศบาลตำบลแม่ออน",
        "name_en": "Mae On",
        "domain": "maeon.example",
        "port": 80,
        "code": "maeon",
    }
    response = client.post(reverse("offices:add"), form)
    assert response.status_code == 302
    assert "เทศบาลตำบลแม่ออน" in client.get("/th/", HTTP_HOST="maeon.example").text
    assert "Mae On" in client.get("/en/", HTTP_HOST="maeon.example").text

    again = client.post(reverse("offices:add"), {**form, "domain": "other.example"})
    assert again.status_code == 200
    assert "ถูกใช้แล้วโดยสำนักงานที่ maeon.example" in again.text  # beside the code, in Thai


def test_an_office_administrator_cannot_create_offices(client, django_user_model, second_office):
    admin = make_staff(django_user_model, "nongbua-admin", "nongbua: ผู้ดูแลระบบ")
    client.force_login(admin)
    form = {"name_th": "เทศบาลอื่น", "domain": "x.example", "port": 80, "code": "other"}
    assert client.post(reverse("offices:add"), form).status_code in (302, 403)
    assert not Office.objects.filter(code="other").exists()
