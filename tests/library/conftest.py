import copy

import pytest
from django.contrib.auth.models import Permission

from eforms.demo import tr
from library import catalogue
from library.models import ModelService
from library.sync import sync_library
from offices.services import create_office
from tests.conftest import make_staff

HOSTS = ("nongbua.example", "huaisai.example")


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, *HOSTS]


@pytest.fixture
def library(db):
    """The library loaded from its definitions: code -> ModelService (each at version 1)."""
    sync_library()
    return {service.code: service for service in ModelService.objects.all()}


@pytest.fixture
def office(site_pages):
    return create_office(
        hostname=HOSTS[0], code="nongbua", name_th="องค์การบริหารส่วนตำบลหนองบัว", name_en="Nong Bua SAO"
    )


@pytest.fixture
def other_office(office):
    return create_office(
        hostname=HOSTS[1], code="huaisai", name_th="องค์การบริหารส่วนตำบลห้วยใส", name_en="Huai Sai SAO"
    )


def staff_of(django_user_model, office, role_name, username):
    """A member of the office's group of that role (its Thai name, e.g. "ผู้ดูแลระบบ")."""
    user = make_staff(django_user_model, username, f"{office.code}: {role_name}")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def changed_definition(code, **changes):
    """The library's definition of `code` with `changes` (a new library version once synced)."""
    definition = copy.deepcopy(catalogue.definitions()[code])
    fields = changes.pop("field_labels", {})
    for spec in definition["fields"]:
        if spec["key"] in fields:
            spec["label"] = tr(*fields[spec["key"]])
    for spec in changes.pop("add_fields", []):
        definition["fields"].append(spec)
    drop = set(changes.pop("drop_fields", []))
    definition["fields"] = [spec for spec in definition["fields"] if spec["key"] not in drop]
    definition.update(changes)
    return definition


def release(code, **changes):
    """Sync the library with a changed definition of `code`: its next version."""
    return sync_library({code: changed_definition(code, **changes)})
