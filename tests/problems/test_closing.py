"""The officer closes a case with an answer and an "after" photo (made safe like the report's), both
on the board; a report cannot be completed without them, from the inbox or anywhere else."""

import io

import pytest
from PIL import Image

from casework import workflow
from casework.constants import SubmissionStatus
from problems.models import ProblemPhoto
from tests.problems.factories import GPS, bomb_png, jpeg_bytes, make_report, upload

pytestmark = pytest.mark.django_db


def test_closing_with_an_answer_and_an_after_photo(client, site_pages, admin_user):
    report = make_report()
    client.force_login(admin_user)
    response = client.post(
        f"/admin/problems/{report.pk}/close/",
        {"text": "เปลี่ยนหลอดไฟใหม่แล้ว", "photo": upload(jpeg_bytes(gps=GPS), name="after.jpg")},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.submission.status == SubmissionStatus.COMPLETED and report.submission.completed_at
    after = ProblemPhoto.objects.get(report=report, kind="after")
    stored = after.file.open("rb").read()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG" and not image.getexif()
    assert b"PhoneMaker" not in stored
    client.logout()
    page = client.get(f"/en/reports/{report.pk}/").content.decode()
    assert "เปลี่ยนหลอดไฟใหม่แล้ว" in page and "Fixed" in page and "After the work" in page
    assert client.get(f"/en/reports/{report.pk}/photos/{after.pk}.jpg").status_code == 200


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "ซ่อมแล้ว"}, "This field is required"),
        ({"text": "ซ่อมแล้ว", "photo": upload(b"%PDF-1.4", name="a.jpg")}, "is not a photo we can read"),
        ({"text": "ซ่อมแล้ว", "photo": upload(bomb_png(), name="b.png")}, "too many pixels"),
        (
            {"text": "ซ่อมแล้ว", "photo": upload(b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 1))},
            "larger than 10 MB",
        ),
        ({"text": "", "photo": upload()}, "This field is required"),
    ],
    ids=["no-photo", "not-an-image", "bomb", "too-big", "no-answer"],
)
def test_a_bad_after_photo_or_no_answer_closes_nothing(client, site_pages, admin_user, data, message):
    report = make_report()
    client.force_login(admin_user)
    client.cookies["django_language"] = "en"
    response = client.post(f"/admin/problems/{report.pk}/close/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.submission.status == SubmissionStatus.SUBMITTED
    assert not ProblemPhoto.objects.filter(kind="after").exists()


def test_the_inbox_cannot_complete_a_report_without_its_after_photo(site_pages, admin_user):
    report = make_report()
    sub = report.submission
    workflow.transition(sub, workflow.Action.START_REVIEW, actor=admin_user)
    workflow.transition(sub, workflow.Action.APPROVE, actor=admin_user)
    with pytest.raises(workflow.WorkflowError):
        workflow.transition(sub, workflow.Action.COMPLETE, actor=admin_user)
    with pytest.raises(workflow.WorkflowError):
        workflow.transition(sub, workflow.Action.RESOLVE, actor=admin_user, reason="ok")
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.APPROVED


def test_an_eservice_request_never_takes_the_reports_actions(submission, admin_user):
    """RESOLVE and REOPEN exist only for requests without a service page (problem reports)."""
    assert submission.service_id
    assert all(t.action != workflow.Action.RESOLVE for t in workflow.available(submission))
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.transition(submission, workflow.Action.RESOLVE, actor=admin_user, reason="done")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
