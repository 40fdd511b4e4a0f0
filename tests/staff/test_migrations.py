"""staff/0002: the administrators' groups of offices made before get `staff.manage_office_staff`; other
groups of the office and the installation's non-administrator groups do not."""

import pytest
from django.contrib.auth.models import Group

from tests.migrations import latest, migrate


@pytest.mark.django_db(transaction=True)
def test_existing_offices_administrators_get_the_permission():
    newest = latest()
    try:
        old = migrate([("staff", "0001_office_staff_member"), ("offices", "0006_local_holidays")])
        OldGroup = old.get_model("auth", "Group")
        Office = old.get_model("offices", "Office")
        OfficeGroup = old.get_model("offices", "OfficeGroup")
        office = Office.objects.order_by("pk").first()
        assert office is not None
        for role, name in (("Administrators", "old: ผู้ดูแลระบบ"), ("Permit officers", "old: เจ้าหน้าที่ผู้รับคำขอ")):
            OfficeGroup.objects.create(group=OldGroup.objects.create(name=name), office=office, role=role)
    finally:
        migrate(newest)
    holds = {
        name: Group.objects.get(name=name).permissions.filter(codename="manage_office_staff").exists()
        for name in ("old: ผู้ดูแลระบบ", "old: เจ้าหน้าที่ผู้รับคำขอ", "Permit officers")
    }
    assert holds == {"old: ผู้ดูแลระบบ": True, "old: เจ้าหน้าที่ผู้รับคำขอ": False, "Permit officers": False}
