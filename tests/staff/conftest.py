import pytest
from django.contrib.auth.models import Group

from home.groups import ADMINISTRATORS, COMMUNICATIONS_STAFF, PERMIT_OFFICERS
from offices.groups import group_name
from tests.conftest import make_staff
from tests.offices.conftest import _hosts, create_second_office, first_office, second_office  # noqa: F401


@pytest.fixture
def third_office(second_office):  # noqa: F811
    return create_second_office(domain="third.example", code="third", name_th="อบต.ที่สาม", name_en="Third SAO")


def office_group(office, role):
    return Group.objects.get(name=group_name(office.code, role))


@pytest.fixture
def people(second_office, third_office, django_user_model):  # noqa: F811
    """Nong Bua's administrator and staff, the third office's officer, a colleague of both offices, and
    the platform's accounts (also put in Nong Bua's groups: still never shown to its administrator)."""
    nb, third = second_office, third_office
    made = {
        "admin": make_staff(django_user_model, "nb_admin", group_name(nb.code, ADMINISTRATORS)),
        "officer": make_staff(django_user_model, "nb_officer", group_name(nb.code, PERMIT_OFFICERS)),
        "both": make_staff(django_user_model, "two_offices_clerk", group_name(nb.code, COMMUNICATIONS_STAFF)),
        "third": make_staff(django_user_model, "third_officer", group_name(third.code, PERMIT_OFFICERS)),
        "platform": make_staff(django_user_model, "platform_admin", ADMINISTRATORS),
        "root": make_staff(django_user_model, "root", is_superuser=True),
    }
    made["admin"].first_name, made["admin"].last_name = "นภา", "ผู้ดูแล"
    made["admin"].save()
    made["officer"].first_name, made["officer"].last_name = "สมชาย", "รับคำขอ"
    made["officer"].email = "somchai@nongbua.example"
    made["officer"].save()
    made["both"].groups.add(office_group(third, PERMIT_OFFICERS))
    for key in ("platform", "root"):
        made[key].groups.add(office_group(nb, COMMUNICATIONS_STAFF))
    return made
