"""Issue 16, money: the citizen sees each option's price before choosing and the total before sending,
the confirmation asks for what the payment step charges, and a fee that follows approval is asked for
with the decision and paid from the status page."""

import pytest
from django.core import mail
from django.urls import reverse

from casework import workflow
from casework.models import ServiceHandler, Submission
from eforms.constants import FeeDue
from tests.casework.factories import make_submission
from tests.eforms.factories import field, make_service
from tests.eforms.wizard_client import Wizard
from tests.payments.conftest import pay_url, verify
from tests.text import without_marks

pytestmark = pytest.mark.django_db


def test_each_option_shows_its_price_and_the_review_page_the_total(client, demo_mode, garbage_service):
    catalogue = without_marks(client.get(garbage_service.get_parent().url).content.decode())
    assert "1 เดือน 40 บาท, 6 เดือน 240 บาท, 12 เดือน 450 บาท" in catalogue
    manual = without_marks(client.get(garbage_service.url).content.decode())
    assert "1 เดือน 40 บาท, 6 เดือน 240 บาท, 12 เดือน 450 บาท" in manual

    wizard = Wizard(client, garbage_service)
    form = without_marks(wizard.get().content.decode())
    for label in ("1 เดือน (40 บาท)", "6 เดือน (240 บาท)", "12 เดือน (450 บาท)"):
        assert label in form

    wizard.post("start", {"house_no": "12/3", "period": "3", "email": "somchai@example.com"})
    review = without_marks(wizard.get().content.decode())
    assert "ค่าธรรมเนียมที่ต้องชำระ: <strong>450 บาท</strong>" in review
    assert "12 เดือน" in review and "(450 บาท)" not in review  # the answer itself stays as chosen

    wizard.post("review", {"website": ""})
    confirmation = without_marks(client.get(garbage_service.url + "done/").content.decode())
    assert "ชำระค่าธรรมเนียม 450 บาท" in confirmation
    assert "40 บาท" not in confirmation.replace("450 บาท", "")  # never the manual's 40 baht
    assert Submission.objects.get().answers[1]["display"] == "12 เดือน"


@pytest.fixture
def food_shop(catalogue, officers_group):
    """A licence whose fee (500 baht) is paid after the health officer's inspection and approval."""
    page = make_service(
        catalogue,
        slug="food-shop",
        title="ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        reference_prefix="FS",
        fee_amount=500,
        fee_due=FeeDue.AFTER_APPROVAL,
        fields=[field("full_name", "singleline", "ชื่อ-นามสกุล"), field("email", "email", "อีเมล")],
    )
    ServiceHandler.objects.create(service=page, group=officers_group)
    return page


def test_a_fee_after_approval_is_asked_for_with_the_decision(
    client, demo_mode, food_shop, permit_officer, django_capture_on_commit_callbacks
):
    manual = without_marks(client.get(food_shop.url).content.decode())
    assert "ชำระหลังได้รับอนุมัติ" in manual

    wizard = Wizard(client, food_shop)
    wizard.post("start", {"full_name": "สมศรี ขายดี", "email": "somsri@example.com"})
    review = without_marks(wizard.get().content.decode())
    assert "500 บาท" in review and "ท่านชำระหลังจากหน่วยงานอนุมัติคำขอ" in review
    wizard.post("review", {"website": ""})
    confirmation = without_marks(client.get(food_shop.url + "done/").content.decode())
    submission = Submission.objects.get()
    assert pay_url(submission) not in confirmation  # nothing to pay yet
    assert "ค่าธรรมเนียม 500 บาท ชำระหลังจากหน่วยงานอนุมัติคำขอ" in confirmation
    assert "ชำระหลังได้รับอนุมัติ: 500 บาท" in mail.outbox[-1].body  # the acknowledgement

    verify(client, submission)
    assert client.post(pay_url(submission)).status_code == 409
    assert not submission.payments.exists()
    status_page = reverse("status:detail", args=[submission.reference])
    assert pay_url(submission) not in client.get(status_page).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(submission, "start_review", actor=permit_officer)
        workflow.transition(submission, "approve", actor=permit_officer, reason="ตรวจสถานที่แล้ว ผ่าน")
    decision = mail.outbox[-1]
    assert "ถึงกำหนดชำระค่าธรรมเนียม 500 บาท แล้ว" in decision.body
    assert f"/th/status/{submission.reference}/" in decision.body

    html = without_marks(client.get(status_page).content.decode())
    assert f'<a class="button" href="{pay_url(submission)}">ชำระค่าธรรมเนียม 500 บาท</a>' in html
    assert client.post(pay_url(submission)).status_code == 303  # to the (demo) checkout
    assert submission.payments.get().amount == 50000


def test_a_fee_when_sending_is_unchanged(client, demo_mode, catalogue):
    page = make_service(
        catalogue, slug="copy", reference_prefix="CC", fee_amount=20, fields=[field("n", "singleline", "ชื่อ")]
    )
    submission = make_submission(page, fee_amount=20)
    verify(client, submission)
    assert client.post(pay_url(submission)).status_code == 303
