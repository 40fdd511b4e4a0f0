"""Request fixtures: officers per service and a submission (registered in tests/conftest.py)."""

import pytest
from django.contrib.auth.models import Group, Permission

from casework.models import ServiceHandler
from home.groups import PERMIT_OFFICERS
from tests.casework.factories import make_submission
from tests.conftest import make_staff
from tests.eforms.factories import make_service


@pytest.fixture
def officers_group():
    return Group.objects.get(name=PERMIT_OFFICERS)


@pytest.fixture
def handled_service(service, officers_group):
    """The `service` e-service, handled by the permit officers group."""
    ServiceHandler.objects.create(service=service, group=officers_group)
    return service


@pytest.fixture
def other_service(catalogue):
    return make_service(catalogue, slug="other-service", title="บริการอื่น", reference_prefix="OT")


@pytest.fixture
def other_officer(db, django_user_model, other_service):
    """An officer of another group, who handles only `other_service`."""
    group = Group.objects.create(name="Market officers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    ServiceHandler.objects.create(service=other_service, group=group)
    return make_staff(django_user_model, "market_officer", group.name, email="market@example.com")


@pytest.fixture
def submission(handled_service):
    return make_submission(handled_service)
