"""Keeping the checklist in the admin: an office's staff keep their own office's list only, the platform
administrator every office's, and bad input is refused with a message beside the field."""

import pytest
from django.urls import reverse

from disclosure.models import DisclosureItem
from home.models import InformationPage
from tests.conftest import make_staff
from tests.disclosure.factories import YEAR, make_item

pytestmark = pytest.mark.django_db


def form_data(office, code="O1", title="โครงสร้าง", links=(), **extra):
    data = {
        "office": office.pk,
        "fiscal_year": YEAR,
        "code": code,
        "title_th": title,
        "title_en": "",
        "what_to_publish_th": "",
        "what_to_publish_en": "",
        "update_every": 0,
        "links-TOTAL_FORMS": len(links),
        "links-INITIAL_FORMS": 0,
        "links-MIN_NUM_FORMS": 0,
        "links-MAX_NUM_FORMS": 1000,
    }
    for n, link in enumerate(links):
        data.update({f"links-{n}-{key}": value for key, value in link.items()})
        data[f"links-{n}-ORDER"] = n
        data[f"links-{n}-id"] = ""
    data.update(extra)
    return data


@pytest.fixture
def second_comms(client, django_user_model, second_office):
    user = make_staff(django_user_model, "nongbua-comms", "nongbua: เจ้าหน้าที่ประชาสัมพันธ์")
    client.force_login(user)
    return user


def test_an_offices_staff_keep_only_their_own_offices_list(client, second_comms, first_office, second_office):
    own = make_item(second_office, "O1", "โครงสร้าง อบต.หนองบัว")
    other = make_item(first_office, "O1", "โครงสร้าง เทศบาลทดสอบ")
    listing = client.get(reverse("disclosure_items:index")).content.decode()
    assert "โครงสร้าง อบต.หนองบัว" in listing and "โครงสร้าง เทศบาลทดสอบ" not in listing
    for name in ("edit", "delete"):
        refused = client.get(reverse(f"disclosure_items:{name}", args=[other.pk]))
        assert (refused.status_code, refused.get("Location")) == (302, "/admin/"), name
        assert client.get(reverse(f"disclosure_items:{name}", args=[own.pk])).status_code == 200
    client.post(reverse("disclosure_items:delete", args=[other.pk]))
    assert DisclosureItem.objects.filter(pk=other.pk).exists()

    form = client.get(reverse("disclosure_items:add")).context["form"]
    assert list(form.fields["office"].queryset) == [second_office]
    refused = client.post(reverse("disclosure_items:add"), form_data(first_office, "O2", "แอบเพิ่ม"))
    assert refused.status_code == 200 and not DisclosureItem.objects.filter(title_th="แอบเพิ่ม").exists()
    client.post(
        reverse("disclosure_items:add"),
        form_data(second_office, "O2", "ข้อมูลผู้บริหาร", links=[{"live_page": "charter"}]),
    )
    added = DisclosureItem.objects.get(title_th="ข้อมูลผู้บริหาร")
    assert added.office == second_office and [link.live_page for link in added.links.all()] == ["charter"]


def test_the_platform_administrator_keeps_every_offices_list(
    client, administrator, first_office, second_office
):
    client.force_login(administrator)
    make_item(first_office, "O1", "ของเทศบาล")
    make_item(second_office, "O1", "ของ อบต.")
    listing = client.get(reverse("disclosure_items:index")).content.decode()
    assert "ของเทศบาล" in listing and "ของ อบต." in listing


def test_bad_input_is_refused_with_a_clear_message(client, administrator, first_office, second_office):
    client.force_login(administrator)
    make_item(first_office, "O1")
    theirs = InformationPage(title="หน้าของ อบต.", slug="theirs")
    second_office.site.root_page.add_child(instance=theirs)
    url = reverse("disclosure_items:add")

    bad_code = client.post(url, form_data(first_office, "โอหนึ่ง"))
    assert "เขียนรหัสตามแบบการประเมิน" in bad_code.content.decode()
    duplicate = client.post(url, form_data(first_office, "o1"))  # the same code, written in lower case
    assert "มีข้อที่ใช้รหัสนี้อยู่แล้ว" in duplicate.content.decode()
    two_targets = client.post(
        url, form_data(first_office, "O2", links=[{"live_page": "charter", "page": theirs.pk}])
    )
    assert "เลือกอย่างใดอย่างหนึ่งเท่านั้น" in two_targets.content.decode()
    other_site = client.post(url, form_data(first_office, "O3", links=[{"page": theirs.pk}]))
    assert "เลือกหน้าในเว็บไซต์ของสำนักงานนี้เอง" in other_site.content.decode()
    assert DisclosureItem.objects.count() == 1

    client.post(url, form_data(first_office, "o10"))
    assert DisclosureItem.objects.filter(code="O10").exists()  # kept in capitals, as the assessment writes it


def test_staff_without_the_permission_do_not_see_the_checklist(client, permit_officer):
    client.force_login(permit_officer)
    assert client.get(reverse("disclosure_items:index")).status_code in (302, 403)
