"""Save and come back later: a link by email brings back the answers and files for 30 days."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from casework.models import Submission
from eforms.models import Draft
from eforms.services import delete_expired
from home.dates import format_date
from tests.eforms.factories import PDF_BYTES

from .test_wizard_journey import STEP1, STEP2
from .wizard_client import Wizard

pytestmark = pytest.mark.django_db


def save_at_documents_step(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    wizard.post("details_step", STEP2)
    upload = SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/pdf")
    response = wizard.post("documents_step", {}, files={"id_card_copy": upload}, wizard_save="1")
    assert response.status_code == 302 and response["Location"].endswith("save/")
    response = client.post(response["Location"], {"email": "somchai@example.com"})
    assert response.status_code == 200
    assert "somchai@example.com" in response.content.decode()
    link = re.search(r"https?://\S+/eforms/resume/\S+/", mail.outbox[-1].body)[0]
    return wizard, link


def test_resume_in_a_new_browser_with_answers_and_files(client, service, django_user_model):
    _wizard, link = save_at_documents_step(client, service)
    draft = Draft.objects.get()
    assert draft.expires_at.date() == (timezone.now() + datetime.timedelta(days=30)).date()
    assert format_date(timezone.localtime(draft.expires_at), "th") in mail.outbox[-1].body
    assert len(draft.token_hash) == 64 and draft.token_hash not in link

    other = Client()
    response = other.get(link.split("testserver", 1)[-1])
    assert response.status_code == 302
    wizard = Wizard(other, service)
    page = wizard.get()
    text = page.content.decode()
    assert wizard.current_step(page) == "documents_step"
    assert "ท่านกำลังกรอกแบบฟอร์มที่บันทึกไว้" in text
    assert "plan.pdf" in text
    wizard.post("documents_step", {"consent": "on"})
    response = wizard.post("review", {"website": ""})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.answer("full_name") == STEP1["full_name"]
    assert submission.files.get().original_name == "plan.pdf"
    assert not Draft.objects.exists()  # used up by the submission


def test_expired_or_unknown_link(client, service):
    _wizard, link = save_at_documents_step(client, service)
    Draft.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(link.split("testserver", 1)[-1])
    assert response.status_code == 410
    assert "ลิงก์นี้หมดอายุแล้ว" in response.content.decode()
    assert client.get("/eforms/resume/not-a-token/").status_code == 410
    assert delete_expired()["drafts"] == 1
    assert not Draft.objects.exists()


def test_save_asks_for_a_valid_email(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1, wizard_save="1")
    response = client.post(service.url + "save/", {"email": "nope"})
    assert "กรุณากรอกอีเมลให้ถูกต้อง" in response.content.decode()
    assert not Draft.objects.exists()
