"""Reminders before a document expires: 60 and 15 days before, once each, to the holder's email in the
request's language and from its office; none for a suspended, revoked or expired document."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from casework import workflow
from documents import reminders
from documents.constants import DocumentState
from documents.models import IssuedDocument
from outbox.models import Message
from tests.documents.conftest import BUSINESS, licence_request

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def licence(licence_submission, permit_officer):
    workflow.transition(licence_submission, workflow.Action.APPROVE, actor=permit_officer)
    return IssuedDocument.objects.get(submission=licence_submission)


def reminders_sent():
    return list(Message.objects.filter(kind=reminders.KIND).order_by("pk"))


def test_sixty_then_fifteen_days_before_each_once(licence):
    end = licence.valid_until
    assert reminders.send_expiry_reminders(end - 61 * DAY) == 0
    assert reminders.send_expiry_reminders(end - 60 * DAY) == 1
    assert reminders.send_expiry_reminders(end - 59 * DAY) == 0  # the 60-day one went already
    assert reminders.send_expiry_reminders(end - 15 * DAY) == 1
    assert reminders.send_expiry_reminders(end - 3 * DAY) == 0
    first, second = reminders_sent()
    assert (
        first.to == "somsri@example.com"
        and first.language == "th"
        and first.submission_id == licence.submission_id
    )
    assert licence.number in first.subject and BUSINESS in first.body and "60 วัน" in first.body
    assert "15 วัน" in second.body


def test_a_document_first_seen_late_gets_only_the_nearer_reminder(licence):
    assert reminders.send_expiry_reminders(licence.valid_until - 10 * DAY) == 1
    assert reminders.send_expiry_reminders(licence.valid_until - 9 * DAY) == 0
    [only] = reminders_sent()
    assert "10 วัน" in only.body


@pytest.mark.parametrize("state", [DocumentState.SUSPENDED, DocumentState.REVOKED])
def test_suspended_and_revoked_documents_are_not_reminded(licence, state):
    IssuedDocument.objects.filter(pk=licence.pk).update(state=state)
    assert reminders.send_expiry_reminders(licence.valid_until - 15 * DAY) == 0


def test_expired_and_unending_documents_are_not_reminded(licence, licence_service, permit_officer):
    assert reminders.send_expiry_reminders(licence.valid_until + DAY) == 0
    IssuedDocument.objects.filter(pk=licence.pk).update(valid_until=None)
    assert reminders.send_expiry_reminders(timezone.localdate()) == 0


def test_the_reminder_is_in_the_requests_language(licence_service, licence_link, permit_officer):
    submission = licence_request(licence_service, language="en")
    workflow.transition(submission, workflow.Action.APPROVE, actor=permit_officer)
    document = IssuedDocument.objects.get(submission=submission)
    call_command("send_expiry_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115 — nothing due today
    assert reminders_sent() == []
    reminders.send_expiry_reminders(document.valid_until - 60 * DAY)
    [message] = reminders_sent()
    assert message.language == "en" and "Food shop licence" in message.subject
    assert "60 days left" in message.body


def test_a_licence_renewed_online_says_how(licence, licence_link):
    reminders.send_expiry_reminders(licence.valid_until - 60 * DAY)
    assert "ต่ออายุทางออนไลน์" not in reminders_sent()[-1].body  # the service renews nothing online
    licence_link.renews_service_id = licence_link.service_id
    licence_link.save()
    reminders.send_expiry_reminders(licence.valid_until - 15 * DAY)
    assert "“ต่ออายุเอกสารนี้ทางออนไลน์”" in reminders_sent()[-1].body
