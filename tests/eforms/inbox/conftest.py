"""Inbox fixtures: submissions made directly (the wizard has its own tests), officers per service."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from eforms import deadlines
from eforms.models import ServiceHandler, Submission
from home.groups import PERMIT_OFFICERS
from tests.conftest import make_staff
from tests.eforms.conftest import make_service

_numbers = itertools.count(1)


def make_submission(service, *, status="submitted", submitted_at=None, language="th", **extra):
    submitted_at = submitted_at or timezone.now()
    days = extra.pop("processing_days", service.processing_days)
    number = next(_numbers)
    defaults = {
        "reference": f"{service.reference_prefix}-69-{number:06d}",
        "service": service,
        "service_title": service.title,
        "language": language,
        "status": status,
        "answers": [
            {"key": "full_name", "label": "ชื่อ-นามสกุล", "type": "singleline", "step": "ผู้ยื่น",
             "value": "สมชาย ใจดี", "display": "สมชาย ใจดี"},
        ],
        "applicant_email": "citizen@example.com",
        "applicant_name": "สมชาย ใจดี",
        "processing_days": days,
        "expected_completion": deadlines.initial_deadline(timezone.localdate(submitted_at), days),
        "submitted_at": submitted_at,
    }  # fmt: skip
    defaults.update(extra)
    return Submission.objects.create(**defaults)


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
    from django.contrib.auth.models import Permission

    group = Group.objects.create(name="Market officers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    ServiceHandler.objects.create(service=other_service, group=group)
    return make_staff(django_user_model, "market_officer", group.name, email="market@example.com")


@pytest.fixture
def submission(handled_service):
    return make_submission(handled_service)


def on(day):
    """Noon in Bangkok on `day` (a date), for freezegun and `now=` arguments."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
