"""Issue 16: links in messages lead to the site the citizen uses. One source (`home.site`): the request's
own Wagtail site, or for a message sent without a request, the submission's site; never a setting's
default (`http://127.0.0.1:8000`) or a site name that is not where the request came (`http://localhost`)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from casework import workflow
from casework.models import ServiceHandler, Submission
from payments import counter
from tests.casework.factories import make_submission
from tests.eforms.factories import field, make_service
from tests.eforms.wizard_client import Wizard

pytestmark = pytest.mark.django_db

HOST = "tambon.example.go.th"
URL = re.compile(r"https?://\S+")


@pytest.fixture
def public_site(site_pages, settings):
    """The default site is the office's public address; the admin has no address of its own."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    settings.WAGTAILADMIN_BASE_URL = ""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = HOST, 443
    site.save()
    return site


@pytest.fixture
def citizen():
    return Client(HTTP_HOST=HOST)


@pytest.fixture
def garbage(catalogue, officers_group):
    page = make_service(
        catalogue,
        slug="garbage",
        title="ค่าเก็บขยะ",
        reference_prefix="GB",
        fee_amount=40,
        fields=[field("full_name", "singleline", "ชื่อ-นามสกุล"), field("email", "email", "อีเมล")],
    )
    ServiceHandler.objects.create(service=page, group=officers_group)
    return page


def links(message):
    found = URL.findall(message.body)
    assert found, message.body
    return found


def assert_on_the_site(message):
    for link in links(message):
        assert link.startswith(f"https://{HOST}/"), (message.subject, link)


def test_every_message_links_to_the_site_the_citizen_uses(
    public_site, citizen, garbage, permit_officer, django_capture_on_commit_callbacks
):
    wizard = Wizard(citizen, garbage)
    wizard.post("start", {"full_name": "สมชาย ใจดี", "email": "somchai@example.com"})
    wizard.post("review", {"website": ""})
    acknowledgement = mail.outbox[-1]
    assert_on_the_site(acknowledgement)
    submission = Submission.objects.get()
    assert f"https://{HOST}/th/status/{submission.reference}/" in acknowledgement.body
    assert f"https://{HOST}/th/services/garbage/" in acknowledgement.body

    verify = reverse("citizen_verify", args=[submission.reference])
    citizen.post(f"{verify}?next=/th/status/{submission.reference}/", {"action": "send"})
    assert_on_the_site(mail.outbox[-1])  # the code: where to type it in

    save = garbage.url + "save/"
    wizard.post("start", {"full_name": "สมหญิง", "email": "x@example.com"}, wizard_save="1")
    citizen.post(save, {"email": "somying@example.com"})
    resume = mail.outbox[-1]
    assert f"https://{HOST}/eforms/resume/" in resume.body
    assert_on_the_site(resume)

    # Without a request (an officer's action, a background task): the submission's site.
    permit_officer.email = "officer@example.com"
    permit_officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.assign(submission, permit_officer, actor=permit_officer)
        workflow.transition(
            submission, "request_information", actor=permit_officer, reason="ขอสำเนาทะเบียนบ้าน"
        )
        workflow.transition(submission, "citizen_reply", reason="แนบแล้ว")
    officer_notice = mail.outbox[-1]
    assert officer_notice.to == ["officer@example.com"]
    assert_on_the_site(officer_notice)
    assert f"https://{HOST}/admin/inbox/{submission.pk}/" in officer_notice.body

    with django_capture_on_commit_callbacks(execute=True):
        counter.record_counter_payment(
            submission, amount=4000, method="cash", note_text="", officer=permit_officer
        )
    receipt = mail.outbox[-1]
    assert receipt.attachments  # the receipt email
    assert_on_the_site(receipt)
    sent = "\n".join(message.body for message in mail.outbox)
    assert "127.0.0.1" not in sent and "localhost" not in sent and "testserver" not in sent


def test_staff_links_use_the_admins_own_address_when_it_has_one(
    public_site, garbage, permit_officer, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.go.th"
    permit_officer.email = "officer@example.com"
    permit_officer.save()
    submission = make_submission(garbage, assignee=permit_officer)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอเอกสาร")
        workflow.transition(submission, "citizen_reply", reason="ส่งแล้ว")
    citizen_email, officer_email = mail.outbox[-2], mail.outbox[-1]
    assert f"https://admin.example.go.th/admin/inbox/{submission.pk}/" in officer_email.body
    assert_on_the_site(citizen_email)  # the citizen's links stay on the public site


def test_a_site_that_does_not_name_the_request_gives_the_requests_own_address(client, site_pages, catalogue):
    """On a developer's machine the site says localhost:80 while the server answers at another address
    (here the test client's "testserver"): a link made in a request follows the request."""
    service = make_service(catalogue, fields=[field("full_name", "singleline", "ชื่อ")])
    Wizard(client, service).post("start", {"full_name": "สมชาย"}, wizard_save="1")
    client.post(service.url + "save/", {"email": "somchai@example.com"})
    assert [link.split("/eforms/")[0] for link in links(mail.outbox[-1])] == ["http://testserver"]
