"""An office's administrators keep their own office's document templates (issue 17): they list, add
and edit only their office's, and cannot choose another office for a template."""

import pytest
from django.contrib.auth.models import Group

from documents.constants import DocumentType
from documents.models import DocumentTemplate
from home.groups import ADMINISTRATORS
from offices.groups import group_name
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/documents/documenttemplate/"


def template(office, title):
    return DocumentTemplate.objects.create(
        office=office, title_th=title, document_type=DocumentType.LICENCE, body_th="อนุญาตให้ {holder}",
        signer_name="นายก", signer_position_th="นายก", validity_months=12,
    )  # fmt: skip


def test_an_office_administrator_keeps_only_their_offices_templates(
    client, first_office, second_office, django_user_model
):
    own = template(second_office, "ใบอนุญาตของหนองบัว")
    other = template(first_office, "ใบอนุญาตของสำนักงานแรก")
    admin = make_staff(django_user_model, "nongbua_admin", group_name(second_office.code, ADMINISTRATORS))
    client.force_login(admin)

    listing = client.get(LIST)
    assert listing.status_code == 200
    assert own.title_th in listing.text and other.title_th not in listing.text
    for view in ("edit", "delete", "usage", "history"):
        response = client.get(f"{LIST}{view}/{other.pk}/")  # Wagtail's "no permission": back to the dashboard
        assert response.status_code == 302 and response["Location"] == "/admin/", view
    assert client.post(f"{LIST}delete/{other.pk}/").status_code == 302
    assert DocumentTemplate.objects.filter(pk=other.pk).exists()
    assert client.get(f"{LIST}edit/{own.pk}/").status_code == 200

    form = client.get(f"{LIST}add/")
    assert form.status_code == 200
    offices = form.context["form"].fields["office"].queryset
    assert list(offices) == [second_office]
    data = {
        "office": first_office.pk,  # another office's: refused
        "title_th": "ใบอนุญาตใหม่", "document_type": DocumentType.PERMIT, "body_th": "อนุญาตให้ {holder}",
        "signer_name": "นายก", "signer_position_th": "นายก", "validity_months": 12,
    }  # fmt: skip
    refused = client.post(f"{LIST}add/", data)
    assert refused.status_code == 200 and not DocumentTemplate.objects.filter(title_th="ใบอนุญาตใหม่").exists()
    client.post(f"{LIST}add/", {**data, "office": second_office.pk})
    assert DocumentTemplate.objects.get(title_th="ใบอนุญาตใหม่").office == second_office


def test_officers_do_not_manage_templates(client, second_office, django_user_model):
    officers = Group.objects.get(office_group__office=second_office, office_group__role="Permit officers")
    officer = make_staff(django_user_model, "nongbua_officer", officers.name)
    client.force_login(officer)
    assert client.get(LIST).status_code in (302, 403)
