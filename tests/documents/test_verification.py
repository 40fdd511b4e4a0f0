"""The public verification page behind the QR code, and the one guarded function that suspends,
reinstates and revokes a document (timeline, personal-data log)."""

import datetime
import re
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from casework import workflow
from casework.constants import EventKind
from documents import services
from documents.constants import DocumentState
from documents.models import IssuedDocument
from privacy.models import AccessLog
from tests.documents.conftest import BUSINESS


@pytest.fixture
def document(licence_submission, permit_officer):
    workflow.transition(licence_submission, workflow.Action.APPROVE, actor=permit_officer)
    return IssuedDocument.objects.get(submission=licence_submission)


def _url(code, language="th"):
    with translation.override(language):
        return reverse("documents:verify", args=[code])


class FakeRequest:
    """What `record_access` reads of a request, for calling the service directly."""

    def __init__(self, user):
        self.user = user
        self.META = {"REMOTE_ADDR": "192.0.2.7"}


def test_the_urls_are_in_both_languages(document):
    code = document.verification_code
    assert _url(code) == f"/th/verify-document/{code}/" and _url(code, "en") == f"/en/verify-document/{code}/"


def test_a_valid_document_shows_what_the_paper_shows_and_no_personal_data(client, document):
    response = client.get(_url(document.verification_code))
    text = response.content.decode()
    assert response.status_code == 200
    assert "เอกสารนี้เป็นของจริงและยังใช้ได้" in text
    assert document.number in text and BUSINESS in text and "ใบอนุญาต" in text
    # The applicant's name, email and address are on the request, not on the verification page.
    assert "สมศรี" not in text and "somsri@example.com" not in text and "หมู่ 3" not in text
    english = client.get(_url(document.verification_code, "en")).content.decode()
    assert "This document is genuine and valid." in english and "Food shop licence" in english


def test_an_expired_document_says_so(client, document):
    IssuedDocument.objects.filter(pk=document.pk).update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    text = client.get(_url(document.verification_code)).content.decode()
    assert "หมดอายุ" in text and "ไม่มีผลใช้แล้ว" in text


@pytest.mark.parametrize(
    ("actions", "expected", "shown"),
    [
        (["suspend"], DocumentState.SUSPENDED, "ถูกพักใช้"),
        (["suspend", "reinstate"], DocumentState.VALID, "เอกสารนี้เป็นของจริงและยังใช้ได้"),
        (["revoke"], DocumentState.REVOKED, "ถูกเพิกถอน"),
        (["suspend", "revoke"], DocumentState.REVOKED, "ถูกเพิกถอน"),
    ],
)
def test_officers_suspend_reinstate_and_revoke(client, document, permit_officer, actions, expected, shown):
    for action in actions:
        services.change_state(
            document,
            action,
            actor=permit_officer,
            reason="ตรวจพบว่าผิดเงื่อนไข",
            request=FakeRequest(permit_officer),
        )
    document.refresh_from_db()
    assert document.state == expected and document.state_reason == "ตรวจพบว่าผิดเงื่อนไข"
    assert shown in client.get(_url(document.verification_code)).content.decode()
    entries = document.submission.events.filter(kind=EventKind.DOCUMENT).order_by("pk")
    assert entries.count() == 1 + len(actions) and all(e.visible_to_citizen for e in entries)
    logged = AccessLog.objects.filter(object_type="documents.issueddocument", object_id=str(document.pk))
    assert logged.count() == len(actions) and logged.first().username == permit_officer.username


@pytest.mark.parametrize(
    ("before", "action"),
    [("revoke", "suspend"), ("revoke", "reinstate"), ("revoke", "revoke"), (None, "reinstate")],
)
def test_moves_outside_the_table_are_refused(document, permit_officer, before, action):
    request = FakeRequest(permit_officer)
    if before:
        services.change_state(document, before, actor=permit_officer, reason="x", request=request)
    state = IssuedDocument.objects.get(pk=document.pk).state
    with pytest.raises(workflow.TransitionNotAllowed):
        services.change_state(document, action, actor=permit_officer, reason="y", request=request)
    assert IssuedDocument.objects.get(pk=document.pk).state == state


def test_a_reason_is_required_and_other_services_officers_are_refused(
    document, permit_officer, other_officer
):
    with pytest.raises(workflow.ReasonRequired):
        services.change_state(
            document, "suspend", actor=permit_officer, reason=" ", request=FakeRequest(permit_officer)
        )
    with pytest.raises(workflow.NotPermitted):
        services.change_state(
            document, "revoke", actor=other_officer, reason="x", request=FakeRequest(other_officer)
        )
    assert IssuedDocument.objects.get(pk=document.pk).state == DocumentState.VALID


def test_the_inbox_form_suspends_it(client, document, permit_officer):
    client.force_login(permit_officer)
    detail = reverse("inbox:detail", args=[document.submission_id])
    assert reverse("documents_admin:state", args=[document.pk]) in client.get(detail).content.decode()
    response = client.post(
        reverse("documents_admin:state", args=[document.pk]), {"action": "suspend", "reason": "ร้องเรียน"}
    )
    assert response["Location"] == detail
    assert IssuedDocument.objects.get(pk=document.pk).state == DocumentState.SUSPENDED


@pytest.mark.parametrize(
    "code",
    [
        "A" * 32,  # well formed, unknown
        "short",
        "x" * 300,
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "ใบอนุญาต",
        "%00",
        "..%2F..%2Fetc",
    ],
)
def test_unknown_or_malformed_codes_get_the_same_not_found_page(client, document, code):
    def page(response):
        return re.search(r"<h1>.*?</p>", response.content.decode(), re.S).group(0)

    known = client.get(_url("B" * 32))
    response = client.get(f"/th/verify-document/{quote(code, safe='')}/")
    assert response.status_code == known.status_code == 404
    assert page(response) == page(known) and "ไม่พบเอกสาร" in page(known)
    assert "<script>alert" not in response.content.decode()


def test_another_offices_host_does_not_find_it(client, document):
    response = client.get(_url(document.verification_code), HTTP_HOST="nowhere.example")
    assert response.status_code in (404, 400)


def test_verification_is_rate_limited_per_client(client, document, settings):
    for _ in range(60):
        assert client.get(_url("C" * 32)).status_code == 404
    limited = client.get(_url(document.verification_code))
    assert limited.status_code == 429 and BUSINESS not in limited.content.decode()
    other_client = client.get(_url(document.verification_code), REMOTE_ADDR="198.51.100.9")
    assert other_client.status_code == 200
