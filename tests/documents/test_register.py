"""The register of issued documents: filters by type, state and expiry, CSV export, and each member of
staff sees only the documents of the requests they handle."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import workflow
from documents.models import IssuedDocument
from documents.privacy import IssuedDocuments
from privacy import erasure
from privacy.models import AccessLog
from tests.documents.conftest import BUSINESS, licence_request

URL = "/admin/issued-documents/"


@pytest.fixture
def documents(licence_service, licence_link, permit_officer):
    """Three licences: valid for a year, expiring in 20 days, expired yesterday."""
    made = []
    today = timezone.localdate()
    for days in (365, 20, -1):
        submission = licence_request(licence_service)
        workflow.transition(submission, workflow.Action.APPROVE, actor=permit_officer)
        document = IssuedDocument.objects.get(submission=submission)
        IssuedDocument.objects.filter(pk=document.pk).update(
            valid_until=today + datetime.timedelta(days=days)
        )
        made.append(IssuedDocument.objects.get(pk=document.pk))
    return made


def numbers(response):
    text = response.content.decode()
    return {d.number for d in IssuedDocument.objects.all() if f"<td>{d.number}</td>" in text}


def test_the_url_and_filters(client, documents, permit_officer):
    assert reverse("documents_admin:register") == URL
    client.force_login(permit_officer)
    year, soon, expired = documents
    assert numbers(client.get(URL)) == {year.number, soon.number, expired.number}
    assert numbers(client.get(URL + "?expiring=30")) == {soon.number}
    assert numbers(client.get(URL + "?expiring=90&state=valid")) == {soon.number}
    assert numbers(client.get(URL + "?state=expired")) == {expired.number}
    assert numbers(client.get(URL + "?state=valid")) == {year.number, soon.number}
    assert numbers(client.get(URL + "?document_type=permit")) == set()
    assert client.get(URL + "?expiring=7&state=nonsense").status_code == 200  # ignored, never a 500


def test_csv_export_is_logged(client, documents, permit_officer):
    client.force_login(permit_officer)
    response = client.get(URL + "?export=csv&expiring=30")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff") and BUSINESS in text and documents[1].number in text
    assert documents[0].number not in text.split("\n", 1)[1].split(",")[1:2]
    assert AccessLog.objects.filter(action="export", object_type="documents.issueddocument").exists()


def test_an_officer_of_another_service_sees_none(client, documents, other_officer):
    client.force_login(other_officer)
    response = client.get(URL)
    assert (
        response.status_code == 200
        and numbers(response) == set()
        and BUSINESS not in response.content.decode()
    )


def test_erasing_a_request_keeps_a_licence_in_force_and_clears_an_ended_one(documents):
    year, _soon, expired = documents
    declaration = IssuedDocuments()
    assert BUSINESS not in declaration.refusal(year.submission_id)  # names the document, not the holder
    assert year.number in declaration.refusal(year.submission_id)  # still in force: revoke it first
    assert any(year.number in reason for reason in erasure.refusals(year.submission_id))
    assert declaration.refusal(expired.submission_id) == ""
    declaration.anonymise_case(year.submission_id, timezone.now())
    declaration.anonymise_case(expired.submission_id, timezone.now())
    assert IssuedDocument.objects.get(pk=year.pk).holder == BUSINESS  # the paper on the wall still verifies
    ended = IssuedDocument.objects.get(pk=expired.pk)
    assert ended.holder == "—" and ended.body_th == "" and ended.number == expired.number
