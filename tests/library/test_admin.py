"""The library in the admin: platform administrators see every office's versions; an office's
administrators and communications staff add services to their own office only, and take newer versions."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.groups import ADMINISTRATORS
from library import services
from library.models import Adoption
from tests.conftest import make_staff
from tests.library.conftest import release, staff_of

pytestmark = pytest.mark.django_db

ADMIN_TH = "ผู้ดูแลระบบ"
COMMS_TH = "เจ้าหน้าที่ประชาสัมพันธ์"
OFFICER_TH = "เจ้าหน้าที่ผู้รับคำขอ"


@pytest.fixture
def platform_admin(db, django_user_model):
    return make_staff(django_user_model, "platform", ADMINISTRATORS)


def assert_refused_as_missing(refused, missing, pk=None, missing_pk=None):
    """Another office's service answers exactly as one that does not exist (a 404, which the admin's
    language prefix turns into a redirect to the same address under /th/)."""
    assert refused.status_code == missing.status_code and refused.status_code in (302, 404)
    location = refused.get("Location", "")
    if pk is not None:
        location = location.replace(f"/{pk}/", f"/{missing_pk}/")
    assert location == missing.get("Location", "")


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_platform_administrators_see_which_offices_use_which_version(
    client, platform_admin, library, office, other_office
):
    services.adopt(office, library["garbage-fee"])
    services.adopt(other_office, library["garbage-fee"])
    release("garbage-fee", fee=60)
    client.force_login(platform_admin)
    index = page_text(client, reverse("library:index"))
    assert "ชำระค่าธรรมเนียมเก็บขยะมูลฝอย" in index and "ลงทะเบียนรับเบี้ยความพิการ" in index
    assert "องค์การบริหารส่วนตำบลหนองบัว: รุ่นที่ 1" in index
    assert "องค์การบริหารส่วนตำบลห้วยใส: รุ่นที่ 1" in index
    detail = page_text(client, reverse("library:detail", args=["garbage-fee"]))
    assert "รุ่นที่ 2" in detail and "รุ่นที่ 1" in detail
    assert "องค์การบริหารส่วนตำบลหนองบัว" in detail and "องค์การบริหารส่วนตำบลห้วยใส" in detail


@pytest.mark.parametrize("role", [COMMS_TH, ADMIN_TH])
def test_office_staff_add_a_model_service_to_their_own_catalogue(
    client, django_user_model, library, office, role
):
    client.force_login(staff_of(django_user_model, office, role, "staff"))
    detail = page_text(client, reverse("library:detail", args=["food-shop"]))
    assert f'<option value="{office.pk}">' in detail
    response = client.post(reverse("library:adopt", args=["food-shop"]), {"office": office.pk})
    adoption = Adoption.objects.get(office=office, model_service__code="food-shop")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[adoption.page_id])


def test_office_staff_never_add_a_service_to_another_office(
    client, django_user_model, library, office, other_office
):
    client.force_login(staff_of(django_user_model, office, ADMIN_TH, "nongbua-admin"))
    detail = page_text(client, reverse("library:detail", args=["food-shop"]))
    assert f'<option value="{other_office.pk}">' not in detail and "ห้วยใส" not in detail
    refused = client.post(reverse("library:adopt", args=["food-shop"]), {"office": other_office.pk})
    missing = client.post(reverse("library:adopt", args=["food-shop"]), {"office": other_office.pk + 1000})
    assert_refused_as_missing(refused, missing)
    assert not Adoption.objects.exists()


def test_office_staff_see_and_update_only_their_own_offices_copies(
    client, django_user_model, library, office, other_office
):
    own = services.adopt(office, library["garbage-fee"])
    theirs = services.adopt(other_office, library["garbage-fee"])
    release("garbage-fee", fee=60)
    client.force_login(staff_of(django_user_model, office, COMMS_TH, "nongbua-comms"))
    index = page_text(client, reverse("library:index"))
    assert "ห้วยใส" not in index
    missing = theirs.pk + 1000
    assert_refused_as_missing(
        client.get(reverse("library:compare", args=[theirs.pk])),
        client.get(reverse("library:compare", args=[missing])),
        theirs.pk,
        missing,
    )
    assert_refused_as_missing(
        client.post(reverse("library:take_newest", args=[theirs.pk])),
        client.post(reverse("library:take_newest", args=[missing])),
        theirs.pk,
        missing,
    )
    theirs.refresh_from_db()
    assert theirs.version.number == 1
    compare = page_text(client, reverse("library:compare", args=[own.pk]))
    assert "ค่าธรรมเนียม (บาท)" in compare and "60.00" in compare
    response = client.post(reverse("library:take_newest", args=[own.pk]), follow=True)
    assert "รับรุ่นที่ 2 แล้ว" in response.content.decode()
    own.refresh_from_db()
    assert own.version.number == 2


def test_the_comparison_says_kept_your_change_in_thai_and_english(client, django_user_model, library, office):
    adoption = services.adopt(office, library["garbage-fee"])
    page = adoption.page.specific
    page.fee_amount = 30
    page.save_revision().publish()
    release("garbage-fee", fee=60, days=2)
    user = staff_of(django_user_model, office, COMMS_TH, "nongbua-comms")
    client.force_login(user)
    thai = page_text(client, reverse("library:compare", args=[adoption.pk]))
    assert "คงการแก้ไขของท่านไว้" in thai and "จะปรับตามรุ่นใหม่" in thai
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    english = page_text(client, reverse("library:compare", args=[adoption.pk]))
    assert "Kept your change" in english and "Will be updated" in english


def test_staff_who_do_not_edit_an_offices_catalogue_have_no_library(
    client, django_user_model, library, office
):
    officer = staff_of(django_user_model, office, OFFICER_TH, "nongbua-officer")
    client.force_login(officer)
    assert client.get(reverse("library:index")).status_code in (302, 403)
    assert client.post(reverse("library:adopt", args=["food-shop"]), {"office": office.pk}).status_code in (
        302,
        403,
    )
    assert not Adoption.objects.exists()
    assert reverse("library:index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert Group.objects.filter(name=f"{office.code}: {OFFICER_TH}").exists()


def test_a_platform_administrator_creates_an_office_with_library_services_from_the_admin(
    client, site_pages, library, django_user_model, settings
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "maeon.example"]
    client.force_login(make_staff(django_user_model, "platform", ADMINISTRATORS))
    form = client.get(reverse("offices:add")).text
    assert 'value="garbage-fee"' in form and "บริการจากคลังบริการกลาง" in form
    response = client.post(
        reverse("offices:add"),
        {"name_th": "เทศบาลตำบลแม่ออน", "name_en": "Mae On", "domain": "maeon.example", "port": 80,
         "code": "maeon", "services": ["garbage-fee", "complaint"]},
    )  # fmt: skip
    assert response.status_code == 302
    catalogue = client.get("/th/services/", HTTP_HOST="maeon.example").text
    assert library["garbage-fee"].title_th in catalogue and library["complaint"].title_th in catalogue
