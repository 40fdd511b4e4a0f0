"""Emails to citizens are the request's office's: its name as the sender and in the text, links on its
own address, never the default office's (issue 12)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from casework import workflow
from casework.models import ServiceHandler, Submission
from eforms.models import ServiceCataloguePage
from home.models import OrganisationSettings
from payments import counter
from payments import notices as payment_notices
from tests.casework.factories import make_submission
from tests.eforms.factories import field, make_service
from tests.eforms.wizard_client import Wizard
from tests.offices.conftest import FIRST_EN, FIRST_TH, SECOND_EN, SECOND_HOST, SECOND_TH

pytestmark = pytest.mark.django_db

URL = re.compile(r"https?://[^\s/]+")


@pytest.fixture
def garbage(second_office, officers_group, settings):
    """A garbage-fee service of the second office (not the default site's)."""
    settings.DEFAULT_FROM_EMAIL = "Tambon <no-reply@tambon.example>"
    home = second_office.site.root_page
    catalogue = home.get_children().type(ServiceCataloguePage).first().specific
    page = make_service(
        catalogue,
        slug="garbage",
        title="ค่าเก็บขยะหนองบัว",
        reference_prefix="NB",
        fee_amount=40,
        fields=[field("full_name", "singleline", "ชื่อ-นามสกุล"), field("email", "email", "อีเมล")],
    )
    ServiceHandler.objects.create(service=page, group=officers_group)
    return page


def hosts(message):
    found = set(URL.findall(message.body))
    assert found, message.body
    return found


def assert_second_offices(message, name=SECOND_TH):
    assert message.from_email == f"{name} <no-reply@tambon.example>", message.subject
    assert name in message.body, message.subject
    for other in (FIRST_TH, FIRST_EN):
        assert other not in message.body and other not in message.from_email
    assert hosts(message) == {f"http://{SECOND_HOST}"}, message.subject


def test_every_email_of_a_request_names_and_links_its_own_office(
    garbage, permit_officer, django_capture_on_commit_callbacks
):
    citizen = Client(HTTP_HOST=SECOND_HOST)
    wizard = Wizard(citizen, garbage)
    wizard.post("start", {"full_name": "สมชาย ใจดี", "email": "somchai@example.com"})
    wizard.post("review", {"website": ""})
    submission = Submission.objects.get()
    assert_second_offices(mail.outbox[-1])  # the acknowledgement

    verify = reverse("citizen_verify", args=[submission.reference])
    citizen.post(f"{verify}?next=/th/status/{submission.reference}/", {"action": "send"})
    assert_second_offices(mail.outbox[-1])  # the one-time code

    wizard.post("start", {"full_name": "สมหญิง", "email": "x@example.com"}, wizard_save="1")
    citizen.post(garbage.url + "save/", {"email": "somying@example.com"})
    assert_second_offices(mail.outbox[-1])  # the resume link

    with django_capture_on_commit_callbacks(execute=True):
        workflow.assign(submission, permit_officer, actor=permit_officer)
        workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอสำเนา")
    assert_second_offices(mail.outbox[-1])  # a status change, sent without a request

    with django_capture_on_commit_callbacks(execute=True):
        payment_notices.payment_request(submission)
    assert_second_offices(mail.outbox[-1])
    with django_capture_on_commit_callbacks(execute=True):
        counter.record_counter_payment(
            submission, amount=4000, method="cash", note_text="", officer=permit_officer
        )
    receipt = mail.outbox[-1]
    assert receipt.attachments
    assert_second_offices(receipt)


def test_an_english_request_is_signed_with_the_offices_english_name(
    garbage, permit_officer, django_capture_on_commit_callbacks
):
    submission = make_submission(garbage, language="en", assignee=permit_officer)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(submission, "request_information", actor=permit_officer, reason="Copy please")
    assert_second_offices(mail.outbox[-1], name=SECOND_EN)


def test_an_office_with_its_own_sender_address_sends_from_it(
    garbage, catalogue, second_office, officers_group, permit_officer, django_capture_on_commit_callbacks
):
    organisation = OrganisationSettings.for_site(second_office.site)
    organisation.email_sender = "saraban@nongbua.example.go.th"
    organisation.save()
    first_service = make_service(catalogue, slug="complaint", reference_prefix="CP")
    ServiceHandler.objects.create(service=first_service, group=officers_group)
    with django_capture_on_commit_callbacks(execute=True):
        for service in (garbage, first_service):
            submission = make_submission(service, assignee=permit_officer)
            workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอสำเนา")
    second, first = mail.outbox[-2:]
    assert second.from_email == f"{SECOND_TH} <saraban@nongbua.example.go.th>"
    # The first office keeps the installation's address, under its own name.
    assert first.from_email == f"{FIRST_TH} <no-reply@tambon.example>"
    assert SECOND_TH not in first.body and FIRST_TH in first.body


def test_a_code_is_not_sent_for_another_offices_request(garbage, client):
    """A reference typed on the first office's site does not reach the second office's request: no email
    about it goes out from there (references are per office, docs/offices.md)."""
    submission = make_submission(garbage)
    verify = reverse("citizen_verify", args=[submission.reference])
    client.post(
        f"{verify}?next=/th/status/{submission.reference}/", {"action": "send"}, HTTP_HOST="localhost"
    )
    assert mail.outbox == []
    Client(HTTP_HOST=SECOND_HOST).post(
        f"{verify}?next=/th/status/{submission.reference}/", {"action": "send"}
    )
    assert_second_offices(mail.outbox[-1])
