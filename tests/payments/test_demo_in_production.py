"""Demo payments never reach production by accident (issue 11): without `PAYMENTS_DEMO=true` a site
with no Stripe keys offers no online card payment at all; with it set on purpose every page and every
demo receipt says so, and `check --deploy` warns. The test settings are production's here
(`PAYMENTS_DEMO` unset, DEBUG off)."""

import pytest
from django.core import checks
from django.test import Client

from offices.lookup import default_office
from payments import checkout, receipts
from payments.constants import PaymentStatus
from payments.models import Payment
from payments.providers.stripe.checks import DEMO_ON
from payments.providers.stripe.models import DemoCheckoutSession
from tests.payments.conftest import make_submission, pay_url, verify

pytestmark = pytest.mark.django_db

LABEL_TH = "ระบบชำระเงินสาธิต"
LABEL_EN = "Demo payments: this site takes no money"


def deploy_warnings():
    return [message.id for message in checks.run_checks(include_deployment_checks=True, tags=["security"])]


def test_a_production_site_without_keys_offers_no_demo_checkout(client, settings, submission):
    settings.STRIPE_SECRET_KEY = ""
    assert checkout.offered_providers(submission.office) == [] and not checkout.demo_mode(submission.office)
    verify(client, submission)
    page = client.get(pay_url(submission))
    text = page.content.decode()
    assert page.status_code == 200 and "โหมดสาธิต" not in text and LABEL_TH not in text
    refused = client.post(pay_url(submission), {"provider": "demo"})
    assert refused.status_code == 400  # "choose how to pay": there is nothing online to choose
    assert not Payment.objects.exists() and not DemoCheckoutSession.objects.exists()
    # A demo session left from before (PAYMENTS_DEMO was on) cannot be paid any more.
    row = DemoCheckoutSession.objects.create(
        session_id="cs_demo_0123456789abcdef01234567", idempotency_key="k", amount_total=4000, success_url="/"
    )
    for method in ("get", "post"):
        assert getattr(client, method)(f"/th/payments/demo/checkout/{row.session_id}/").status_code == 404
    assert DEMO_ON not in deploy_warnings()
    assert LABEL_TH not in client.get("/th/status/").content.decode()


def test_check_deploy_warns_while_the_demo_is_on(settings, db):
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True
    assert DEMO_ON in deploy_warnings()
    assert DEMO_ON not in [m.id for m in checks.run_checks(tags=["security"])]  # only with --deploy
    settings.STRIPE_SECRET_KEY = "sk_live_x"  # keys set: the demo is off whatever PAYMENTS_DEMO says
    assert DEMO_ON not in deploy_warnings()
    assert [p.id for p in checkout.offered_providers(default_office())] == ["stripe"]


def test_demo_on_purpose_labels_every_page_and_the_receipt(client, settings, garbage_service):
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True
    for url, label in (
        ("/th/", LABEL_TH),
        ("/en/", LABEL_EN),
        ("/th/status/", LABEL_TH),
        ("/en/status/", LABEL_EN),
    ):
        response = client.get(url)
        assert response.status_code == 200 and label in response.content.decode(), url
    submission = make_submission(garbage_service, language="en")
    verify(client, submission)
    demo_url = client.post(pay_url(submission, "en"))["Location"]
    assert client.post(demo_url, {"choice": "card"}).status_code == 302
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.PAID
    thai = receipts.render_html(payment.receipt, "th")
    english = receipts.render_html(payment.receipt, "en")
    assert "ตัวอย่างสาธิต" in thai and "ไม่ใช่ใบเสร็จรับเงิน" in thai and "valid without a signature" not in english
    assert "DEMO: no money was taken. This is not a receipt." in english and "ตัวอย่างสาธิต" not in english


@pytest.mark.parametrize("language", ["th", "en"])
def test_a_nul_byte_in_the_demo_checkout_path_is_a_404_in_the_visitors_language(settings, db, language):
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True
    client = Client()
    for path in (
        f"/{language}/payments/demo/checkout/%00/",
        f"/{language}/payments/demo/checkout/cs_demo_%00/",
    ):
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            assert response.status_code == 404, (path, method)
            assert f'<html lang="{language}">' in response.content.decode()
