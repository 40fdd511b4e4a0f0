"""The citizen's payment step against the real `stripe` library and the fake Stripe server."""

import pytest
from django.core import mail

from payments import checkout, providers
from payments.constants import PaymentStatus
from payments.models import Payment
from tests.payments.conftest import make_submission, pay_url, start, verify

pytestmark = pytest.mark.django_db


def test_payment_page_without_a_code_goes_to_verification(client, fake_stripe, submission):
    response = client.get(pay_url(submission))
    assert response.status_code == 302
    assert response["Location"].startswith(f"/th/verify/{submission.reference}/?next=")
    response = client.post(pay_url(submission))
    assert response.status_code == 302 and "/verify/" in response["Location"]
    assert not Payment.objects.exists() and not fake_stripe.requests


def test_someone_elses_submission_needs_its_own_code(client, fake_stripe, garbage_service):
    mine = make_submission(garbage_service, email="me@example.com")
    theirs = make_submission(garbage_service, email="neighbour@example.com")
    verify(client, mine)
    assert client.get(pay_url(mine)).status_code == 200
    response = client.get(pay_url(theirs))
    assert response.status_code == 302 and f"/verify/{theirs.reference}/" in response["Location"]
    assert b"neighbour" not in client.get(pay_url(mine)).content
    assert client.get(f"/th/payments/{theirs.reference}/receipt/").status_code == 302


def test_the_real_code_check_opens_the_payment_page(client, fake_stripe, submission):
    url = pay_url(submission)
    verify_url = client.get(url)["Location"]
    client.post(verify_url, {"action": "send", "next": url})
    code = next(word for word in mail.outbox[-1].body.split() if word.isdigit() and len(word) == 6)
    response = client.post(verify_url, {"action": "check", "code": code, "next": url})
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url)
    assert page.status_code == 200
    assert "40 บาท" in page.content.decode()


def test_checkout_session_in_baht_with_card_and_promptpay(client, fake_stripe, submission):
    payment = start(client, submission)
    method, path, params = fake_stripe.requests[-1]
    assert (method, path) == ("POST", "/v1/checkout/sessions")
    assert params["currency"] == "thb"
    assert params["payment_method_types"] == ["card", "promptpay"]
    assert params["line_items"][0]["price_data"]["unit_amount"] == "4000"
    assert params["metadata"]["reference"] == submission.reference
    assert params["locale"] == "th"
    assert payment.status == PaymentStatus.PENDING
    assert payment.provider_reference in fake_stripe.sessions
    assert payment.checkout_url.startswith("https://checkout.stripe.com/")


def test_double_click_makes_one_payable_session(client, fake_stripe, submission):
    verify(client, submission)
    first = client.post(pay_url(submission))
    second = client.post(pay_url(submission))
    assert first["Location"] == second["Location"]
    assert Payment.objects.count() == 1 and len(fake_stripe.sessions) == 1


def test_stripe_timing_out_gives_a_clear_message_and_a_retry_makes_no_second_session(
    client, fake_stripe, submission
):
    verify(client, submission)
    fake_stripe.delay_next(1.5)  # longer than the client's timeout; the fake still makes the session
    response = client.post(pay_url(submission))
    assert response.status_code == 503
    assert (
        "ไม่ถูกเรียกเก็บเงินซ้ำ" in response.content.decode() or "not be charged twice" in response.content.decode()
    )
    payment = Payment.objects.get()
    assert payment.provider_reference is None
    response = client.post(pay_url(submission))
    assert response.status_code == 303
    assert Payment.objects.count() == 1
    keys = {key for key in fake_stripe.idempotent}
    assert keys == {f"checkout-{payment.idempotency_key}"}


def test_stripe_error_then_retry_with_the_same_idempotency_key(client, fake_stripe, submission):
    verify(client, submission)
    fake_stripe.fail_next(500)
    assert client.post(pay_url(submission)).status_code == 503
    assert client.post(pay_url(submission)).status_code == 303
    assert len(fake_stripe.sessions) == 1 and Payment.objects.count() == 1


def test_a_retry_after_stripe_created_the_session_gets_the_same_session(fake_stripe, submission):
    """Stripe made the session but the answer was lost: the same key returns the same session."""

    def urls(payment):
        return "https://example.com/done", "https://example.com/cancel"

    stripe = providers.get("stripe", office=submission.office)
    payment = checkout.start(submission, provider=stripe, language="th", build_urls=urls)
    Payment.objects.filter(pk=payment.pk).update(provider_reference=None, checkout_url="")
    again = checkout.start(submission, provider=stripe, language="th", build_urls=urls)
    assert again.provider_reference == payment.provider_reference
    assert len(fake_stripe.sessions) == 1


def test_english_citizen_gets_english_checkout_and_pages(client, fake_stripe, garbage_service):
    submission = make_submission(garbage_service, language="en")
    verify(client, submission)
    response = client.post(pay_url(submission, "en"))
    assert response.status_code == 303
    assert fake_stripe.requests[-1][2]["locale"] == "en"
    assert "/en/payments/" in fake_stripe.requests[-1][2]["success_url"]
    page = client.get(pay_url(submission, "en"))
    assert "Pay the fee" in page.content.decode()


def test_cancel_page_in_the_citizens_language(client, fake_stripe, submission):
    start(client, submission)
    page = client.get(f"/th/payments/{submission.reference}/cancelled/")
    assert page.status_code == 200
    assert "ยังไม่ได้ชำระ" in page.content.decode() or "Payment not made" in page.content.decode()


def test_an_unknown_reference_is_answered_like_a_known_one(client, fake_stripe):
    """References are sequential: the payment page must not tell which ones exist."""
    response = client.get("/th/payments/XX-69-999999/")
    assert response.status_code == 302
    assert response["Location"].startswith("/th/verify/XX-69-999999/")
    assert client.get("/th/payments/not-a-reference/").status_code == 404
