"""The first office of an upgraded installation has no staff groups of its own: with a second office,
`check --deploy` says so, and `create_office_groups` gives it the groups a new office gets."""

import pytest
from django.core import checks
from django.core.management import CommandError, call_command

from home.groups import ADMINISTRATORS
from offices.checks import NO_GROUPS
from offices.groups import group_name
from offices.scope import administered_offices
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def warnings():
    return [m for m in checks.run_checks(include_deployment_checks=True) if m.id == NO_GROUPS]


def test_one_office_alone_needs_no_groups_of_its_own(first_office):
    assert warnings() == []


def test_the_first_office_gets_its_own_groups_and_its_administrator_only_its_pages(
    first_office, second_office, django_user_model
):
    [warning] = warnings()
    assert warning.obj == first_office and first_office.code in warning.hint

    call_command("create_office_groups", first_office.code, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert warnings() == []
    admin = make_staff(django_user_model, "first_admin", group_name(first_office.code, ADMINISTRATORS))
    assert list(administered_offices(admin)) == [first_office]
    thai_home = first_office.site.root_page
    for page in thai_home.get_translations(inclusive=True):
        assert page.specific.permissions_for_user(admin).can_edit()
    assert not second_office.site.root_page.specific.permissions_for_user(admin).can_edit()

    with pytest.raises(CommandError, match="already|มีกลุ่มเจ้าหน้าที่ของตนเองแล้ว"):
        call_command("create_office_groups", first_office.code)
    with pytest.raises(CommandError, match="No office|ไม่มีสำนักงาน"):
        call_command("create_office_groups", "nowhere")
