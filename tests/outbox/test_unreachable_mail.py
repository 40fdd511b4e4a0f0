"""An unreachable mail server never gives a citizen a server error: the page says the message is on
its way, the message stays in the outbox and is retried."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casework.models import Submission
from outbox.channels import EmailChannel
from outbox.constants import MessageState
from outbox.models import Message
from tests.eforms.factories import PDF_BYTES
from tests.eforms.test_wizard_journey import STEP1, STEP2
from tests.eforms.wizard_client import Wizard

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mail_server_down(monkeypatch):
    def refuse(self, message, files):
        raise ConnectionRefusedError("mail server unreachable")

    monkeypatch.setattr(EmailChannel, "send", refuse)


def test_the_one_time_code_page_says_the_email_is_on_its_way(client, site_pages, submission):
    url = f"/th/verify/{submission.reference}/?next=/th/status/"
    response = client.post(url, {"action": "send", "next": "/th/status/"}, follow=True)
    assert response.status_code == 200
    assert "ช้ากว่าปกติ" in response.text  # "slower than usual: wait a few minutes"
    message = Message.objects.get(kind="citizen_code")
    assert message.state == MessageState.PENDING and message.attempts == 1


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
    assert Message.objects.get(reference=submission.reference).state == MessageState.PENDING


def test_save_for_later_says_the_link_is_on_its_way(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    response = wizard.post("details_step", STEP2, wizard_save="1")
    page = client.post(response["Location"], {"email": "somchai@example.com"})
    assert page.status_code == 200 and "ช้ากว่าปกติ" in page.text
    assert Message.objects.get(kind="resume_link").state == MessageState.PENDING
