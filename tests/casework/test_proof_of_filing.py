"""Proof of filing: a PDF of what was sent, in the request's language, attached to the acknowledgement
and downloadable from the status page by the citizen who proved the request's email only."""

import shutil
import subprocess
import time

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from casework import filing, services
from casework.models import SubmissionFile
from home.dates import format_date
from outbox.models import Message
from security.citizen_verification import SESSION_KEY
from tests.casework.factories import make_submission
from tests.eforms.factories import PDF_BYTES

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "proof.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _verify(client, submission):
    session = client.session
    session[SESSION_KEY] = {str(submission.pk): time.time()}
    session.save()


def _url(submission, language="th"):
    with translation.override(language):
        return reverse("status:proof_of_filing", args=[submission.reference])


@needs_pdftotext
def test_the_pdf_reads_back_reference_service_thai_dates_answers_and_files(submission, tmp_path):
    record = SubmissionFile(
        submission=submission,
        field_key="id_card_copy",
        original_name="บัตรประชาชน.pdf",
        file_type="pdf",
        size=9,
    )
    record.file.save("card.pdf", ContentFile(PDF_BYTES), save=False)
    record.save()
    text = pdf_text(filing.render_pdf(submission), tmp_path)
    assert submission.reference in text
    assert "หลักฐานการยื่นคำขอ" in text and submission.service_title in text
    filed = timezone.localtime(submission.submitted_at)
    assert f"{format_date(filed, 'th')} เวลา {filed:%H:%M} น." in text  # Buddhist Era, Thai month
    assert str(filed.year + 543) in text
    assert format_date(submission.expected_completion, "th") in text
    assert "สมชาย ใจดี" in text and "บัตรประชาชน.pdf" in text


@needs_pdftotext
def test_an_english_request_gets_it_in_english(handled_service, tmp_path):
    submission = make_submission(handled_service, language="en")
    text = pdf_text(filing.render_pdf(submission), tmp_path)
    assert "Proof of filing" in text and submission.reference in text
    assert format_date(submission.expected_completion, "en") in text


def test_the_acknowledgement_carries_it(service, settings):
    submission = services.submit(
        service,
        answers={"full_name": "สมหญิง รักดี", "email": "somying@example.com"},
        shown_steps=["start"],
        files={},
        language="th",
    )
    message = Message.objects.get(kind="acknowledgement", submission_id=submission.pk)
    assert message.attachments == [{"kind": filing.ATTACHMENT, "submission": submission.pk, "language": "th"}]
    sent = next(m for m in mail.outbox if submission.reference in m.subject + m.body)
    name, content, mimetype = sent.attachments[0]
    assert name == f"proof-of-filing-{submission.reference}.pdf"
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    assert "หลักฐานการยื่นคำขอ" in sent.body


def test_the_citizen_downloads_it_after_the_code(client, submission):
    assert client.get(_url(submission))["Location"] == reverse("status:lookup")
    _verify(client, submission)
    response = client.get(_url(submission))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "no-store" in response["Cache-Control"]
    page = client.get(reverse("status:detail", args=[submission.reference]))
    assert _url(submission) in page.content.decode()


def test_another_citizens_request_answers_as_a_missing_one(client, submission, handled_service):
    other = make_submission(handled_service, applicant_email="other@example.com")
    _verify(client, submission)  # proved A's email, not B's
    refused = client.get(_url(other))
    missing = client.get(_url(submission).replace(submission.reference, "BS-69-999999"))
    assert (refused.status_code, refused["Location"]) == (missing.status_code, missing["Location"])
    assert refused.status_code == 302 and b"%PDF" not in refused.content
