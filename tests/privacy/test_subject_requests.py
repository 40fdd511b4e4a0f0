"""The data-subject request tool: only administrators, found by each key, the person's copy, erasure
where the law allows, and every step in the personal-data log."""

import datetime
import json
import shutil
import subprocess

import pytest
from django.utils import timezone

from casework.models import Submission
from eforms.models import Draft
from payments.constants import PaymentChannel
from payments.models import Payment, ProviderEvent
from privacy.models import AccessLog
from tests.casework.factories import make_submission
from tests.eforms.factories import VALID_ID
from tests.privacy.test_retention import EMAIL, PHONE, assert_erased, finished_request, personal_answers

pytestmark = pytest.mark.django_db

URL = "/admin/subject-requests/"
FINISHED = datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)


@pytest.fixture
def done(handled_service, administrator):
    return finished_request(handled_service, administrator, finished_on=FINISHED, paid=True)


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.mark.parametrize("user_fixture", ["permit_officer", "communications_user"])
def test_officers_and_communications_staff_are_refused(client, request, done, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    refused = (302, 403)  # Wagtail turns a refusal into a redirect to the dashboard with a message
    assert client.get(URL).status_code in refused
    response = client.post(URL, {"q": EMAIL})
    assert response.status_code in refused and done.reference not in response.content.decode()
    export = client.post(URL + "export/", {"q": EMAIL})
    assert export.status_code in refused and EMAIL not in export.content.decode()
    assert client.post(URL + "erase/", {"q": EMAIL, "confirm": "on"}).status_code in refused
    done.refresh_from_db()
    assert done.applicant_email == EMAIL and not AccessLog.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, done):
    assert client.get(URL).status_code == 302
    assert client.post(URL + "erase/", {"q": EMAIL, "confirm": "on"}).status_code == 302


@pytest.mark.parametrize(
    "query", [EMAIL, "SOMCHAI@Example.com", "081-234-5678", "+66 81 234 5678", "1-1017-00207-03-0"]
)
def test_search_finds_by_email_phone_and_national_id(admin_client, done, handled_service, query):
    other = make_submission(handled_service, answers=personal_answers(email="x@example.org", national_id="3100600123458", phone="0899999999"), applicant_email="x@example.org")  # fmt: skip
    response = admin_client.post(URL, {"q": query})
    assert response.status_code == 200
    assert done.reference in response.text and other.reference not in response.text
    entry = AccessLog.objects.get(action=AccessLog.Action.SEARCH)
    assert entry.username == "administrator" and entry.object_type.startswith("subject.")
    assert "1 submission(s), 1 payment(s)" in entry.detail
    assert (
        EMAIL not in entry.object_label + entry.object_id
        and VALID_ID not in entry.object_label + entry.object_id
    )


def test_a_key_that_is_none_of_the_three_is_refused(admin_client, done):
    response = admin_client.post(URL, {"q": "สมชาย"})
    assert response.status_code == 200 and done.reference not in response.text
    assert "13-digit" in response.text or "13 หลัก" in response.text
    assert not AccessLog.objects.exists()


def test_a_payment_found_through_stripe_names_the_person(admin_client, handled_service):
    other = make_submission(handled_service, applicant_email="someone-else@example.org")
    payment = Payment.objects.create(
        submission=other,
        channel=PaymentChannel.ONLINE,
        provider="stripe",
        amount=4000,
        status="failed",
        description="x",
    )
    ProviderEvent.objects.create(provider="stripe", event_id="evt_1", type="checkout.session.completed", payment=payment, payload={"data": {"customer_details": {"email": EMAIL}}})  # fmt: skip
    response = admin_client.post(URL, {"q": EMAIL})
    assert other.reference in response.text


def test_export_gives_the_person_everything_found_and_is_logged(admin_client, done):
    Draft.objects.create(
        token_hash="h", service=done.service, language="th", email=EMAIL, expires_at=timezone.now()
    )
    response = admin_client.post(URL + "export/", {"q": PHONE, "format": "json"})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["searched_for"] == {"kind": "phone", "value": PHONE}
    [submission] = data["submissions"]
    assert submission["reference"] == done.reference and submission["applicant_email"] == EMAIL
    assert {"label": "เลขประจำตัวประชาชน", "step": "ผู้ยื่น", "value": VALID_ID} in submission["answers"]
    assert submission["files"][0]["name"] == "บัตร.pdf"
    [payment] = data["payments"]
    assert payment["amount_baht"] == 40 and payment["receipt_number"]
    exports = AccessLog.objects.filter(action=AccessLog.Action.EXPORT)
    assert {e.object_type for e in exports} == {"subject.phone", "casework.submission"}

    by_email = json.loads(admin_client.post(URL + "export/", {"q": EMAIL, "format": "json"}).content)
    assert by_email["saved_drafts"][0]["email"] == EMAIL and by_email["emails"]


def test_the_printable_copy_lists_the_answers(admin_client, done):
    response = admin_client.post(URL + "export/", {"q": VALID_ID, "format": "html"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert done.reference in response.text and VALID_ID in response.text and "สมชาย ใจดี" in response.text
    assert AccessLog.objects.filter(action=AccessLog.Action.EXPORT, detail__startswith="printable").exists()


def test_the_pdf_copy_reads_back_as_thai(admin_client, done, tmp_path):
    response = admin_client.post(URL + "export/", {"q": VALID_ID, "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert AccessLog.objects.filter(action=AccessLog.Action.EXPORT, detail__startswith="PDF").exists()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "copy.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert done.reference in text and "สมชาย ใจดี" in text and "ข้อมูลส่วนบุคคล" in text


def test_erase_anonymises_keeps_the_financial_record_and_is_logged(admin_client, done):
    Draft.objects.create(
        token_hash="h", service=done.service, language="th", email=EMAIL, expires_at=timezone.now()
    )
    payment = done.payments.get()
    receipt_number = payment.receipt.number
    response = admin_client.post(URL + "erase/", {"q": EMAIL, "confirm": "on"}, follow=True)
    assert response.status_code == 200
    assert_erased(done)
    assert done.status == "completed" and done.completed_at is not None
    payment.refresh_from_db()
    assert (
        payment.amount_received == 4000
        and payment.receipt.number == receipt_number
        and payment.counter_note == ""
    )
    assert not Draft.objects.exists()
    erased = AccessLog.objects.filter(action=AccessLog.Action.ERASE)
    assert {(e.object_type, e.username) for e in erased} == {("subject.email", "administrator"), ("casework.submission", "administrator")}  # fmt: skip
    assert done.reference not in admin_client.post(URL, {"q": EMAIL}).text  # nothing left to find


def test_erase_needs_the_confirmation(admin_client, done):
    admin_client.post(URL + "erase/", {"q": EMAIL})
    done.refresh_from_db()
    assert (
        done.applicant_email == EMAIL and not AccessLog.objects.filter(action=AccessLog.Action.ERASE).exists()
    )


def test_erase_is_refused_while_a_request_is_in_progress(admin_client, done, handled_service):
    open_one = make_submission(handled_service, status="in_review", applicant_email=EMAIL)
    search = admin_client.post(URL, {"q": EMAIL})
    assert "still in progress" in search.text or "ยังดำเนินการอยู่" in search.text
    response = admin_client.post(URL + "erase/", {"q": EMAIL, "confirm": "on"}, follow=True)
    assert open_one.reference in response.text
    for submission in (done, open_one):
        submission.refresh_from_db()
        assert submission.applicant_email == EMAIL and submission.anonymised_at is None
    assert not AccessLog.objects.filter(action=AccessLog.Action.ERASE).exists()


def test_erase_is_refused_while_a_payment_is_not_settled(admin_client, handled_service, administrator):
    withdrawn = finished_request(handled_service, administrator, finished_on=FINISHED, status="withdrawn")
    Payment.objects.create(
        submission=withdrawn, channel=PaymentChannel.ONLINE, provider="stripe", amount=4000, description="x"
    )
    response = admin_client.post(URL + "erase/", {"q": EMAIL, "confirm": "on"}, follow=True)
    assert withdrawn.reference in response.text
    assert Submission.objects.get(pk=withdrawn.pk).applicant_email == EMAIL
