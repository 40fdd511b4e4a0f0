"""Renewal in one step: from the status page of the request that got the licence (after its one-time
code), the renewal form opens filled in; the new request is linked, approval issues the new licence
from where the old one ends, and a late renewal pays the service's surcharge."""

import datetime
import itertools
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from casework import workflow
from casework.models import Submission
from documents import renewals, services
from documents.constants import DocumentState
from documents.models import IssuedDocument, Renewal
from payments import fees
from tests.documents.conftest import BUSINESS, licence_request, verify_citizen
from tests.eforms.wizard_client import Wizard

NEW_BUSINESS = "ร้านก๋วยเตี๋ยวป้าแดง สาขา 2"
_OLD = itertools.count(1)


@pytest.fixture
def renewing_link(licence_link, licence_service):
    """The licence service renews its own licences; 20 % more when renewed after the end."""
    licence_link.renews_service = licence_service
    licence_link.late_surcharge_percent = Decimal("20")
    licence_link.save()
    licence_service.fee_amount = Decimal("500")
    licence_service.save_revision().publish()
    return licence_link


def issued_licence(service, link, *, days_left):
    """A licence issued a year ago that ends in `days_left` days (negative: ended that long ago)."""
    # A reference of an earlier year: the renewal's own comes from the office's counter.
    submission = licence_request(service, status="approved", reference=f"FS-68-{next(_OLD):06d}")
    ends = timezone.localdate() + datetime.timedelta(days=days_left)
    issued_at = timezone.make_aware(
        datetime.datetime.combine(ends + datetime.timedelta(days=1), datetime.time(10))
    )
    document = services.issue(submission, link, now=issued_at - datetime.timedelta(days=366))
    document.valid_until = ends
    document.save(update_fields=["valid_until"])
    return document


def status_page(client, document):
    verify_citizen(client, document.submission)
    return client.get(f"/th/status/{document.submission.reference}/")


def send_renewal(client, document):
    """Start the renewal and send the prefilled form unchanged; returns the new request."""
    response = client.post(renewals.renew_url(document.submission))
    assert response.status_code == 302
    wizard = Wizard(client, document.submission.service.specific)
    review = wizard.get()
    token = re.search(r'name="send_token" value="([0-9a-f]{32})"', review.text)[1]
    wizard.post("review", {"website": ""}, send_token=token)
    return Submission.objects.exclude(pk=document.submission_id).latest("pk")


def test_the_status_page_offers_renewal_once_it_opens(client, licence_service, renewing_link):
    far = issued_licence(licence_service, renewing_link, days_left=200)
    page = status_page(client, far)
    assert renewals.renew_url(far.submission) not in page.text  # not yet: says from when
    assert "เปิดให้ต่ออายุตั้งแต่วันที่" in page.text
    soon = issued_licence(licence_service, renewing_link, days_left=30)
    page = status_page(client, soon)
    assert "ต่ออายุเอกสารนี้ทางออนไลน์" in page.text
    assert renewals.renew_url(soon.submission) in page.text


def test_the_renewal_form_opens_filled_in_and_links_the_new_request(client, licence_service, renewing_link):
    document = issued_licence(licence_service, renewing_link, days_left=30)
    verify_citizen(client, document.submission)
    client.post(renewals.renew_url(document.submission))
    review = Wizard(client, licence_service).get()
    assert "ตรวจสอบคำตอบ" in review.text
    assert BUSINESS in review.text and "12 หมู่ 3 ตำบลดอยงาม" in review.text
    assert f"ท่านกำลังต่ออายุ ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร เลขที่ {document.number}" in review.text
    renewal_request = send_renewal(client, document)
    assert renewal_request.renewal.previous == document and not renewal_request.renewal.late
    assert renewal_request.answer("business_name") == BUSINESS
    assert fees.fee_for(renewal_request).amount == 50000  # on time: no surcharge


def test_approval_continues_the_old_licence(client, licence_service, renewing_link, permit_officer):
    document = issued_licence(licence_service, renewing_link, days_left=30)
    verify_citizen(client, document.submission)
    renewal_request = send_renewal(client, document)
    workflow.transition(renewal_request, workflow.Action.START_REVIEW, actor=permit_officer)
    workflow.transition(renewal_request, workflow.Action.APPROVE, actor=permit_officer)
    new = IssuedDocument.objects.get(submission=renewal_request)
    assert new.renews == document and new.number != document.number
    assert new.valid_until == document.valid_until + datetime.timedelta(days=365)  # a year from the old end
    # The old one cannot be renewed a second time.
    page = status_page(client, document)
    assert "ต่ออายุแล้ว" in page.text and renewals.renew_url(document.submission) not in page.text


def test_a_late_renewal_pays_the_surcharge(client, licence_service, renewing_link):
    document = issued_licence(licence_service, renewing_link, days_left=-10)
    verify_citizen(client, document.submission)
    client.post(renewals.renew_url(document.submission))
    review = Wizard(client, licence_service).get()
    assert "ค่าปรับต่ออายุล่าช้าร้อยละ 20" in review.text
    renewal_request = send_renewal(client, document)
    assert renewal_request.renewal.late
    fee = fees.fee_for(renewal_request)
    assert fee.amount == 60000 and "20%" in fee.option_label


def test_someone_elses_licence_needs_its_holders_code(client, licence_service, renewing_link):
    document = issued_licence(licence_service, renewing_link, days_left=30)
    response = client.post(renewals.renew_url(document.submission))
    assert response.status_code == 302 and response["Location"].endswith("/status/")
    assert not any(key.startswith("wizard_") for key in client.session.keys())
    assert not Renewal.objects.exists()


@pytest.mark.parametrize(
    ("state", "days_left", "message"),
    [
        (DocumentState.REVOKED, 30, "ถูกเพิกถอน"),
        (DocumentState.SUSPENDED, 30, "ถูกพักใช้"),
        (DocumentState.VALID, -200, "ยื่นคำขอใหม่"),
    ],
)
def test_what_cannot_be_renewed_says_why(client, licence_service, renewing_link, state, days_left, message):
    document = issued_licence(licence_service, renewing_link, days_left=days_left)
    IssuedDocument.objects.filter(pk=document.pk).update(state=state)
    assert message in status_page(client, document).text
    response = client.post(renewals.renew_url(document.submission))
    assert response.status_code == 409 and message in response.text
    assert not any(key.startswith("wizard_") for key in client.session.keys())


def test_a_second_renewal_while_the_first_is_open_is_refused(client, licence_service, renewing_link):
    document = issued_licence(licence_service, renewing_link, days_left=30)
    verify_citizen(client, document.submission)
    first = send_renewal(client, document)
    response = client.post(renewals.renew_url(document.submission))
    assert response.status_code == 409 and first.reference in response.text
    # Refused or withdrawn, the holder may try again.
    Submission.objects.filter(pk=first.pk).update(status="rejected")
    assert client.post(renewals.renew_url(document.submission)).status_code == 302


def test_the_officer_sees_what_changed(client, admin_client, licence_service, renewing_link):
    document = issued_licence(licence_service, renewing_link, days_left=30)
    verify_citizen(client, document.submission)
    renewal_request = send_renewal(client, document)
    items = [dict(item) for item in renewal_request.answers]
    for item in items:
        if item["key"] == "business_name":
            item["value"] = item["display"] = NEW_BUSINESS
    Submission.objects.filter(pk=renewal_request.pk).update(answers=items)
    page = admin_client.get(f"/admin/inbox/{renewal_request.pk}/")
    assert f"ต่ออายุเลขที่ {document.number}" in page.text
    assert "ชื่อสถานประกอบการ" in page.text.split("ตรวจสอบอีกครั้ง")[1][:200]
