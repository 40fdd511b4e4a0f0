"""Each role × each inbox view and file download. Officers see only their services; communications
staff see nothing; administrators see all. Checked on the server, not by hidden links."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from casework.models import SubmissionFile
from privacy.models import AccessLog
from tests.casework.factories import make_submission
from tests.eforms.factories import PDF_BYTES


@pytest.fixture
def pdf(submission):
    record = SubmissionFile(
        submission=submission, field_key="id_card_copy", original_name="บัตร.pdf", file_type="pdf", size=10
    )
    record.file.save("card.pdf", ContentFile(PDF_BYTES), save=False)
    record.save()
    return record


def _views(submission, pdf):
    pk = submission.pk
    return {
        "index": ("get", reverse("inbox:index"), {}),
        "detail": ("get", reverse("inbox:detail", args=[pk]), {}),
        "act": ("post", reverse("inbox:act", args=[pk]), {"action": "start_review", "version": 1}),
        "assign": ("post", reverse("inbox:assign", args=[pk]), {"assignee": "me", "version": 1}),
        "comment": ("post", reverse("inbox:comment", args=[pk]), {"text": "x"}),
        "message": ("post", reverse("inbox:message", args=[pk]), {"text": "x"}),
        "export": ("get", reverse("inbox:export"), {}),
        "file": ("get", reverse("inbox:file", args=[pdf.pk]), {}),
        "old_file_url": ("get", reverse("casework:file", args=[pdf.pk]), {}),
        "counter": ("get", reverse("inbox:counter"), {}),
        "report": ("get", reverse("inbox:report"), {}),
        "emails": ("get", reverse("outbox:failed"), {}),
    }


DENIED = "denied"  # Wagtail turns PermissionDenied in the admin into a redirect home with a message
OK = {"index": 200, "detail": 200, "act": 302, "assign": 302, "comment": 302, "message": 302,
      "export": 200, "file": 200, "old_file_url": 200, "counter": 200, "report": 200}  # fmt: skip
EXPECTED = {
    "administrator": {**OK, "emails": 200},
    "permit_officer": {**OK, "emails": DENIED},
    # handles another service: the inbox opens; this submission and its file are refused
    "other_officer": {**OK, "detail": DENIED, "act": DENIED, "assign": DENIED, "comment": DENIED,
                      "message": DENIED, "file": DENIED, "old_file_url": 403, "emails": DENIED},
    "communications_user": {name: DENIED for name in OK} | {"emails": DENIED, "old_file_url": 403},
    "junior_editor": {name: DENIED for name in OK} | {"emails": DENIED, "old_file_url": 403},
}  # fmt: skip


@pytest.mark.parametrize("role", list(EXPECTED))
def test_permission_matrix(request, client, role, submission, pdf, other_officer):
    user = request.getfixturevalue(role)
    client.force_login(user)
    for name, (method, url, data) in _views(submission, pdf).items():
        response = getattr(client, method)(url, data)
        expected = EXPECTED[role][name]
        if expected == DENIED:
            assert response.status_code in (302, 403), (role, name, response.status_code)
            assert response.status_code == 403 or response["Location"] == "/admin/", (role, name)
        else:
            assert response.status_code == expected, (role, name, response.status_code)
            if expected == 302:  # an action: back to the submission, not refused
                assert response["Location"] == reverse("inbox:detail", args=[submission.pk])


def test_anonymous_visitors_are_sent_to_the_login(client, submission, pdf):
    for method, url, data in _views(submission, pdf).values():
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and "login" in response["Location"]


def test_an_officer_only_lists_the_services_of_their_group(client, permit_officer, submission, other_service):
    hidden = make_submission(other_service)
    client.force_login(permit_officer)
    content = client.get(reverse("inbox:index")).content.decode()
    assert submission.reference in content and hidden.reference not in content
    export = b"".join(client.get(reverse("inbox:export")).streaming_content).decode()
    assert submission.reference in export and hidden.reference not in export


def test_views_and_downloads_are_in_the_audit_log(client, permit_officer, submission, pdf):
    client.force_login(permit_officer)
    client.get(reverse("inbox:detail", args=[submission.pk]))
    response = client.get(reverse("inbox:file", args=[pdf.pk]))
    assert b"".join(response.streaming_content) == PDF_BYTES
    b"".join(client.get(reverse("inbox:export")).streaming_content)
    actions = set(AccessLog.objects.filter(user=permit_officer).values_list("action", flat=True))
    assert {AccessLog.Action.VIEW, AccessLog.Action.DOWNLOAD, AccessLog.Action.EXPORT} <= actions
    assert submission.events.filter(kind="file_viewed", actor=permit_officer).exists()
