"""Payments fixtures: a garbage-fee service with a fee per period, submissions, a fake Stripe server,
signed webhook deliveries and a browser session that has passed the citizen's code check."""

import csv
import datetime
import io
import json
import time

import pytest
import stripe
from django.urls import reverse
from django.utils import timezone, translation

from casework.models import Submission
from offices.lookup import default_office
from payments.constants import FeeKind
from payments.models import FeeOption, PaymentSettings, ServiceFee
from security.citizen_verification import SESSION_KEY
from tests.eforms.factories import field, make_service
from tests.payments.fake_stripe import FakeStripe

WEBHOOK_SECRET = "whsec_test_secret"
WEBHOOK_URL = "/payments/stripe/webhook/"


@pytest.fixture
def fake_stripe(settings):
    server = FakeStripe().start()
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = server.url
    settings.PAYMENTS_STRIPE_TIMEOUT = 0.5
    settings.PAYMENTS_STRIPE_RETRIES = 0
    yield server
    server.stop()


@pytest.fixture
def demo_mode(settings):
    settings.PAYMENTS_DEMO = True  # off by default, as in production
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""


def make_garbage_service(parent):
    """The garbage fee: 40 / 240 / 450 baht by the period chosen on the form."""
    page = make_service(
        parent,
        slug="garbage-fee",
        title="ชำระค่าธรรมเนียมเก็บขยะมูลฝอย",
        reference_prefix="GF",
        fee_amount=40,
        fields=[
            field("house_no", "singleline", "บ้านเลขที่"),
            field("period", "radio", "งวดที่ชำระ", choices="1 เดือน\n6 เดือน\n12 เดือน"),
            field("email", "email", "อีเมลสำหรับรับใบเสร็จ"),
        ],
    )
    fee = ServiceFee.objects.create(service=page, kind=FeeKind.PER_OPTION, option_field_key="period")
    for choice, amount in ((1, 4000), (2, 24000), (3, 45000)):
        FeeOption.objects.create(fee=fee, choice=choice, amount=amount)
    return page


@pytest.fixture
def garbage_service(catalogue):
    return make_garbage_service(catalogue)


_numbers = iter(range(1, 10**6))


def make_submission(service, *, period="1", email="somchai@example.com", language="th", reference=None):
    labels = {"1": "1 เดือน", "2": "6 เดือน", "3": "12 เดือน"}
    return Submission.objects.create(
        reference=reference or f"GF-69-{next(_numbers):06d}",
        service=service,
        service_title=service.title,
        language=language,
        answers=[
            {"key": "house_no", "label": "บ้านเลขที่", "type": "singleline", "value": "12/3", "display": "12/3"},
            {
                "key": "period",
                "label": "งวดที่ชำระ",
                "type": "radio",
                "value": period,
                "display": labels[period],
            },
            {"key": "email", "label": "อีเมล", "type": "email", "value": email, "display": email},
        ],
        applicant_email=email,
        fee_amount=40,
        processing_days=1,
        expected_completion=timezone.localdate() + datetime.timedelta(days=1),
    )


@pytest.fixture
def submission(garbage_service):
    return make_submission(garbage_service)


def verify(client, submission):
    """What passing the one-time code leaves in the session (security.citizen_verification)."""
    session = client.session
    verified = session.get(SESSION_KEY, {})
    verified[str(submission.pk)] = time.time()
    session[SESSION_KEY] = verified
    session.save()


def pay_url(submission, language="th"):
    with translation.override(language):
        return reverse("payments_citizen:pay", args=[submission.reference])


def deliver(client, event, secret=WEBHOOK_SECRET, signature=None):
    payload = json.dumps(event)
    header = signature or stripe.WebhookSignature.generate_signature_header(payload, secret)
    return client.post(WEBHOOK_URL, payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


def on_site(submission):
    """The request headers of the submission's office's site (references are found per office)."""
    return {"HTTP_HOST": submission.office.site.hostname}


def start(client, submission):
    """The citizen presses Pay; returns the Payment."""
    verify(client, submission)
    response = client.post(pay_url(submission), **on_site(submission))
    assert response.status_code == 303, response.content.decode()[:2000]
    return submission.payments.get()


# PromptPay QR -------------------------------------------------------------------------------------
BILLER_ID = "099400016551001"  # a tax ID with a valid check digit, and the suffix 01


def enable_providers(*provider_ids, biller_id=BILLER_ID, office=None, **options):
    """What the office's administrator sets in Settings › Payment settings (the default office's
    unless `office` is given)."""
    settings = PaymentSettings.for_office(office or default_office())
    settings.online_providers = list(provider_ids)
    settings.provider_options = {
        "promptpay_qr": {"biller_id": biller_id, "merchant_name": "TAMBON", **options}
    }
    settings.save()
    return settings


@pytest.fixture
def promptpay_qr(site_pages):
    """PromptPay QR is the only way to pay online."""
    return enable_providers("promptpay_qr")


def start_promptpay_qr(client, submission):
    """The citizen chooses PromptPay QR; returns the Payment (its QR page is `checkout_url`)."""
    verify(client, submission)
    response = client.post(pay_url(submission), {"provider": "promptpay_qr"}, **on_site(submission))
    assert response.status_code == 303, response.content.decode()[:2000]
    return submission.payments.get(provider="promptpay_qr", status="pending")


def statement_csv(rows, header=("วันที่ทำรายการ", "จำนวนเงิน", "Ref1", "Ref2", "เลขที่รายการ"), encoding="utf-8"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)
