"""An unreachable mail server never gives anyone a server error. Django's real SMTP backend is pointed at
a loopback port where nothing listens (the connection is refused), and tasks run at once, inside the
request: the worst case, since in production the worker, not the page, talks to the mail server. Every
page that sends answers normally; the message stays in the outbox for the next try."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from casework import workflow
from casework.constants import SubmissionStatus
from casework.models import Submission
from outbox.constants import MessageState
from outbox.models import Message
from security.citizen_verification import SESSION_KEY
from tests.eforms.factories import PDF_BYTES
from tests.eforms.test_wizard_journey import STEP1, STEP2
from tests.eforms.wizard_client import Wizard
from tests.outbox.smtp import LocalSmtp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mail_server_down(settings):
    for name, value in LocalSmtp().settings().items():  # never started: its port refuses connections
        setattr(settings, name, value)


def waiting(kind):
    message = Message.objects.get(kind=kind)
    assert message.state == MessageState.PENDING and message.attempts == 1
    assert "Connection refused" in message.last_error or "ConnectionRefused" in message.last_error
    return message


def test_the_one_time_code_page_says_the_email_is_on_its_way(client, site_pages, submission):
    url = f"/th/verify/{submission.reference}/?next=/th/status/"
    response = client.post(url, {"action": "send", "next": "/th/status/"}, follow=True)
    assert response.status_code == 200
    assert "ช้ากว่าปกติ" in response.text  # "slower than usual: wait a few minutes"
    waiting("citizen_code")


def test_sending_a_form_still_works_and_the_confirmation_says_the_email_is_on_its_way(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    wizard.post("details_step", STEP2)
    upload = SimpleUploadedFile("id.pdf", PDF_BYTES, content_type="application/pdf")
    wizard.post("documents_step", {"consent": "on"}, files={"id_card_copy": upload})
    response = wizard.post("review", {"website": ""})
    assert response.status_code == 302
    done = client.get(response["Location"])
    assert done.status_code == 200
    submission = Submission.objects.get()
    assert submission.reference in done.text and "ช้ากว่าปกติ" in done.text
    assert waiting("acknowledgement").reference == submission.reference


def test_save_for_later_says_the_link_is_on_its_way(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    response = wizard.post("details_step", STEP2, wizard_save="1")
    page = client.post(response["Location"], {"email": "somchai@example.com"})
    assert page.status_code == 200 and "ช้ากว่าปกติ" in page.text
    waiting("resume_link")


def test_the_citizens_reply_on_the_status_page_goes_through(
    client, submission, permit_officer, django_capture_on_commit_callbacks
):
    permit_officer.email = "officer@example.com"
    permit_officer.save()
    workflow.assign(submission, permit_officer, actor=permit_officer)
    submission.refresh_from_db()
    workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอสำเนาโฉนด")
    session = client.session
    session[SESSION_KEY] = {str(submission.pk): time.time()}
    session.save()
    with translation.override("th"):
        url = reverse("status:detail", args=[submission.reference])
    with django_capture_on_commit_callbacks(execute=True):  # the notice is tried in this request
        response = client.post(url, {"message": "แนบสำเนาโฉนดแล้ว"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.IN_REVIEW
    assert waiting("officer:reply").to == "officer@example.com"


def test_the_officers_decision_goes_through(
    client, submission, permit_officer, django_capture_on_commit_callbacks
):
    client.force_login(permit_officer)
    with django_capture_on_commit_callbacks(execute=True):  # the citizen's email is tried in this request
        response = client.post(
            reverse("inbox:act", args=[submission.pk]), {"action": "reject", "version": 1, "reason": "ไม่ผ่าน"}
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.REJECTED
    assert waiting(f"status:{SubmissionStatus.REJECTED}").to == submission.applicant_email
