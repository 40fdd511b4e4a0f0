"""The whole journey over HTTP: three steps with an upload, back, change from the review page, submit."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.operations import TranslationCreator

from casework.models import Submission
from tests.eforms.factories import PDF_BYTES, VALID_ID, png_bytes

from .wizard_client import Wizard

pytestmark = pytest.mark.django_db

STEP1 = {
    "full_name": "สมชาย ใจดี",
    "national_id": VALID_ID,
    "email": "somchai@example.com",
    "phone": "081 234 5678",
}
STEP2 = {
    "applicant_type": "1",
    "address__house_no": "99",
    "address__village": "หมู่ 1",
    "address__subdistrict": "ดอยงาม",
    "address__district": "แม่ฟ้า",
    "address__province": "เชียงราย",
    "address__postcode": "57240",
}


def pdf(name="id.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def test_manual_page_links_to_the_form(client, service):
    response = client.get(service.url)
    assert response.status_code == 200
    assert "apply/" in response.content.decode()


def test_full_journey_with_upload_back_and_change(client, service):
    wizard = Wizard(client, service)
    first = wizard.get()
    assert first.status_code == 200
    assert "ขั้นตอนที่ 1 จาก 4" in first.content.decode()

    response = wizard.post("start", STEP1)
    assert response.status_code == 302
    assert wizard.current_step() == "details_step"

    response = wizard.post("details_step", STEP2)
    assert response.status_code == 302
    page = wizard.get()
    assert wizard.current_step(page) == "documents_step"

    # Upload, then go back: the answers and the file stay.
    response = wizard.post(
        "documents_step", {"consent": "on"}, files={"id_card_copy": pdf()}, wizard_goto_step="details_step"
    )
    assert response.status_code == 302
    back = wizard.get()
    assert wizard.current_step(back) == "details_step"
    assert 'value="ดอยงาม"' in back.content.decode()

    # A reload shows the same step, still filled in.
    assert wizard.current_step(wizard.get()) == "details_step"
    wizard.post("details_step", STEP2)
    documents = wizard.get()
    assert "id.pdf" in documents.content.decode()
    response = wizard.post("documents_step", {"consent": "on"})
    assert response.status_code == 302

    review = wizard.get()
    assert wizard.current_step(review) == "review"
    text = review.content.decode()
    assert "สมชาย ใจดี" in text and "บุคคลธรรมดา" in text and "id.pdf" in text
    assert "ชื่อนิติบุคคล" not in text  # hidden by its condition

    # Change the name from the review page: back to review after the step.
    change = wizard.get(step="start", **{"from": "review"})
    assert wizard.current_step(change) == "start"
    wizard.post("start", {**STEP1, "full_name": "สมหญิง ใจดี"})
    review = wizard.get()
    assert wizard.current_step(review) == "review"
    assert "สมหญิง ใจดี" in review.content.decode()

    response = wizard.post("review", {"website": ""})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert response["Location"].endswith(f"done/?sent={submission.send_token}")
    assert submission.reference.startswith("BS-")
    assert submission.answer("full_name") == "สมหญิง ใจดี"
    assert submission.answer("national_id") == VALID_ID
    assert submission.language == "th"
    assert submission.files.count() == 1
    labels = [entry["label"] for entry in submission.answers]
    assert labels[0] == "ชื่อ-นามสกุล"
    assert "company_name" not in [entry["key"] for entry in submission.answers]

    done = client.get(response["Location"])
    assert submission.reference in done.content.decode()
    assert len(mail.outbox) == 1
    assert submission.reference in mail.outbox[0].subject
    assert mail.outbox[0].to == ["somchai@example.com"]

    # The wizard starts afresh afterwards.
    assert wizard.current_step(wizard.get()) == "start"


def test_company_fields_shown_and_required_when_chosen(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    response = wizard.post("details_step", {**STEP2, "applicant_type": "2"})
    assert response.status_code == 200
    assert "ชื่อนิติบุคคล" in response.content.decode()
    response = wizard.post(
        "details_step", {**STEP2, "applicant_type": "2", "company_name": "บริษัท ดอยงาม จำกัด"}
    )
    assert response.status_code == 302


def test_several_files_and_removing_one(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    wizard.post("details_step", STEP2)
    png = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    response = wizard.post("documents_step", {"consent": "on"}, files={"id_card_copy": [pdf(), png]})
    assert response.status_code == 302
    review = wizard.get().content.decode()
    assert "id.pdf" in review and "photo.png" in review
    wizard.get(step="documents_step")
    session = client.session[f"wizard_{wizard.prefix}"]
    stored = session["extra_data"]["files"]["id_card_copy"]
    assert len(stored) == 2
    wizard.post("documents_step", {"consent": "on", "id_card_copy__remove": stored[0]["id"]})
    wizard.post("review", {"website": ""})
    submission = Submission.objects.get()
    assert [f.original_name for f in submission.files.all()] == ["photo.png"]


def test_english_version_submits_to_the_same_service(
    client, service, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(user=None, target_locales=[english]).create_translations(service.get_parent())
        TranslationCreator(user=None, target_locales=[english]).create_translations(service)
    english_page = service.get_translation(english)
    english_page.save_revision().publish()
    assert english_page.form_fields.count() == service.form_fields.count()
    assert [f.key for f in english_page.form_fields.all()] == [f.key for f in service.form_fields.all()]
    wizard = Wizard(client, english_page)
    assert "Step 1 of 4" in wizard.get().content.decode()
    wizard.post("start", STEP1)
    wizard.post("details_step", STEP2)
    wizard.post("documents_step", {"consent": "on"}, files={"id_card_copy": pdf()})
    response = wizard.post("review", {"website": ""})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.service_id == service.pk
    assert submission.language == "en"
    assert "We received your request" in mail.outbox[0].body
