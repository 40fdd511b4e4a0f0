"""An office's administrators edit their own office's organisation and menus, never another office's,
and never the sender address of its emails (the installation's mail server must allow it) nor the demo
flag: those stay with the installation's administrators."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.groups import ADMINISTRATORS
from home.models import OrganisationSettings
from offices.groups import group_name
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def url(site):
    return f"/admin/settings/home/organisationsettings/{site.pk}/"


def form(**values):
    data = {
        "name_th": "องค์การบริหารส่วนตำบลหนองบัว",
        "name_en": "Nong Bua SAO",
        "address_th": "",
        "address_en": "",
        "phone": "",
        "email": "",
        "opening_hours_th": "",
        "opening_hours_en": "",
        "map_url": "",
        "line_url": "",
        "facebook_url": "",
        "satisfaction_target": "80",
        "emergency_numbers": inline_formset([]),
        "header_menu_items": inline_formset([]),
        "footer_menu_items": inline_formset([]),
        **values,
    }
    return nested_form_data(data)


@pytest.fixture
def office_admin(django_user_model, second_office):
    return make_staff(django_user_model, "nb_admin", group_name(second_office.code, ADMINISTRATORS))


def test_an_office_administrator_edits_their_organisation_but_not_its_email_sender(
    client, office_admin, second_office
):
    site = second_office.site
    settings = OrganisationSettings.for_site(site)
    settings.email_sender = "saraban@nongbua.go.th"
    settings.save()
    client.force_login(office_admin)
    page = client.get(url(site))
    assert page.status_code == 200
    assert 'name="email_sender"' not in page.text and 'name="is_demo"' not in page.text
    saved = client.post(url(site), form(phone="074 123 456", email_sender="boss@evil.example", is_demo="on"))
    assert saved.status_code == 302, saved.text[:2000]
    settings = OrganisationSettings.for_site(site)
    assert settings.phone == "074 123 456"
    assert settings.email_sender == "saraban@nongbua.go.th" and settings.is_demo is False


def test_an_office_administrator_cannot_open_or_change_another_offices_organisation(
    client, office_admin, first_office
):
    client.force_login(office_admin)
    site = first_office.site
    before = OrganisationSettings.for_site(site).name_th
    assert client.get(url(site)).status_code in (302, 403)
    refused = client.post(url(site), form(name_th="ยึดแล้ว"))
    assert refused.status_code in (302, 403) and refused.get("Location") != url(site)
    assert OrganisationSettings.for_site(site).name_th == before


def test_the_installations_administrator_sets_an_offices_email_sender(client, administrator, second_office):
    client.force_login(administrator)
    site = second_office.site
    assert 'name="email_sender"' in client.get(url(site)).text
    saved = client.post(url(site), form(email_sender="saraban@nongbua.go.th"))
    assert saved.status_code == 302, saved.text[:2000]
    assert OrganisationSettings.for_site(site).email_sender == "saraban@nongbua.go.th"
