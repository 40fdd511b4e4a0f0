import pytest
from django.test import RequestFactory

from privacy.audit import record_access
from privacy.models import AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(administrator, permit_officer):
    request = RequestFactory().get("/admin/inbox/1/", REMOTE_ADDR="192.0.2.10")
    request.user = permit_officer
    return record_access(request, AccessLog.Action.VIEW, permit_officer, detail="ดูคำขอ BS-69-000123")


def test_an_access_is_recorded_with_who_what_and_where(entry, permit_officer):
    assert entry.username == "officer"
    assert entry.object_type == "auth.user" and entry.object_id == str(permit_officer.pk)
    assert entry.ip_address == "192.0.2.10"


def test_administrators_read_and_export_the_log_but_cannot_change_it(client, administrator, entry):
    client.force_login(administrator)
    listing = client.get("/admin/personal_data_log/")
    assert listing.status_code == 200 and "ดูคำขอ BS-69-000123" in listing.text
    export = client.get("/admin/personal_data_log/?export=csv")
    assert export.status_code == 200 and "BS-69-000123" in export.getvalue().decode()
    assert client.get(f"/admin/personal_data_log/edit/{entry.pk}/").status_code in (302, 403, 404)
    assert client.post(f"/admin/personal_data_log/delete/{entry.pk}/").status_code in (302, 403, 404)
    assert AccessLog.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("user_fixture", ["permit_officer", "communications_user"])
def test_other_staff_cannot_read_the_log(client, request, entry, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get("/admin/personal_data_log/").status_code in (302, 403)
