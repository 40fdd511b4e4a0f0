"""Builders of requests for tests: submissions made directly (the wizard has its own tests)."""

import datetime
import itertools

import factory
from django.utils import timezone

from casework import deadlines
from casework.models import Submission

_numbers = itertools.count(1)


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A request as the wizard would have stored it, for `service` (pass it: `service=...`)."""

    class Meta:
        model = Submission

    reference = factory.LazyAttribute(lambda o: f"{o.service.reference_prefix}-69-{next(_numbers):06d}")
    service_title = factory.LazyAttribute(lambda o: o.service.title)
    language = "th"
    status = "submitted"
    answers = factory.LazyFunction(
        lambda: [
            {"key": "full_name", "label": "ชื่อ-นามสกุล", "type": "singleline", "step": "ผู้ยื่น",
             "value": "สมชาย ใจดี", "display": "สมชาย ใจดี"},
        ]
    )  # fmt: skip
    applicant_email = "citizen@example.com"
    applicant_name = "สมชาย ใจดี"
    submitted_at = factory.LazyFunction(timezone.now)
    processing_days = factory.LazyAttribute(lambda o: o.service.processing_days)
    expected_completion = factory.LazyAttribute(
        lambda o: deadlines.initial_deadline(timezone.localdate(o.submitted_at), o.processing_days)
    )


def make_submission(service, *, status="submitted", submitted_at=None, language="th", **extra):
    """A submission of `service`; `submitted_at` sets the deadline from that day."""
    if submitted_at is not None:
        extra["submitted_at"] = submitted_at
    return SubmissionFactory(service=service, status=status, language=language, **extra)


def on(day):
    """Noon in Bangkok on `day` (a date), for freezegun and `now=` arguments."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
