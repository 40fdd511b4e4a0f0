"""The provider registry, the neutral updates every provider speaks, the office's choice of providers,
and the rule that keeps the core free of any one provider's vocabulary."""

import pathlib
import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from offices.lookup import default_office
from payments import checkout, providers, refunds
from payments.constants import EventOutcome, EventSource, PaymentStatus
from payments.models import Payment, PaymentSettings, Receipt
from payments.providers import Provider, RefundResult, Started, Update
from payments.settings_form import PaymentSettingsForm
from tests.payments.conftest import enable_providers, make_submission, verify

ROOT = pathlib.Path(__file__).resolve().parents[2]


class FakeProvider(Provider):
    """A provider whose answers the test sets, to show the core asks the one that took the payment."""

    name = "Fake"
    citizen_label = "Fake"
    methods = frozenset({"card"})
    answer: Update | None = None
    calls: list = []

    def start_payment(self, payment, *, return_url, cancel_url, customer_email=""):
        return Started(reference=f"fake-{payment.pk}", url=f"https://fake.example/{payment.pk}")

    def refresh(self, payment):
        FakeProvider.calls.append(("refresh", payment.pk))
        return FakeProvider.answer

    def expire(self, payment):
        FakeProvider.calls.append(("expire", payment.pk))
        return Update.expired("fake expired")

    def refund(self, payment, *, amount, idempotency_key, reason=""):
        FakeProvider.calls.append(("refund", payment.pk, amount))
        return RefundResult(reference=f"fake-refund-{idempotency_key}", status="succeeded", amount=amount)


@pytest.fixture
def fake_provider():
    cls = providers.register("fake")(type("Fake", (FakeProvider,), {}))
    FakeProvider.calls = []
    FakeProvider.answer = None
    yield cls
    providers._registry.pop("fake")


def fake_payment(submission, **fields):
    return Payment.objects.create(
        submission=submission,
        channel="online",
        provider="fake",
        provider_reference=f"fake-{submission.pk}",
        amount=4000,
        description="x",
        **fields,
    )


# The registry --------------------------------------------------------------------------------------
def test_the_built_in_providers_register_themselves():
    assert {"stripe", "demo", "promptpay_qr"} <= set(providers.ids())
    assert providers.get("promptpay_qr").id == "promptpay_qr"
    assert all(isinstance(provider, Provider) for provider in providers.all_providers())
    assert "payments.providers.promptpay_qr" in providers.packages()


def test_an_unknown_id_and_a_taken_id():
    with pytest.raises(providers.UnknownProvider):
        providers.get("nobody")
    with pytest.raises(ImproperlyConfigured):
        providers.register("stripe")(type("Impostor", (Provider,), {}))
    assert providers.get("stripe").__class__.__name__ == "StripeProvider"


def test_refresh_sync_and_refunds_ask_the_provider_that_took_the_payment(
    fake_provider, fake_stripe, submission, permit_officer, garbage_service
):
    payment = fake_payment(submission)
    FakeProvider.answer = Update.paid(
        amount=4000, currency="thb", method="card", payment_reference="fake-pi-1"
    )
    assert checkout.refresh(payment) == (EventOutcome.APPLIED, PaymentStatus.PAID)
    payment.refresh_from_db()
    assert (payment.status, payment.provider_payment_reference) == (PaymentStatus.PAID, "fake-pi-1")
    refund = refunds.request_refund(payment, amount=1000, reason="ชำระเกิน", officer=permit_officer)
    assert refund.provider_reference.startswith("fake-refund-") and refund.provider == "fake"
    assert ("refund", payment.pk, 1000) in FakeProvider.calls
    assert not fake_stripe.requests  # Stripe's keys are set, but Stripe did not take this payment
    other = fake_payment(make_submission(garbage_service))
    FakeProvider.answer = Update.pending("still waiting")
    checkout.sync_pending()
    assert ("refresh", other.pk) in FakeProvider.calls and not fake_stripe.requests


# The neutral updates ---------------------------------------------------------------------------------
def test_neutral_updates_go_through_transition(fake_provider, submission, django_capture_on_commit_callbacks):
    payment = fake_payment(submission)
    assert (
        checkout.apply_update(payment, Update.pending("open"), source=EventSource.SYNC)[0]
        == EventOutcome.IGNORED
    )
    assert checkout.apply_update(payment, Update.failed("declined"), source=EventSource.WEBHOOK) == (
        EventOutcome.APPLIED,
        PaymentStatus.FAILED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        outcome, state = checkout.apply_update(
            payment,
            Update.paid(amount=4000, currency="THB", method="card", payment_reference="p1"),
            source=EventSource.WEBHOOK,
        )
    assert (outcome, state) == (
        EventOutcome.APPLIED,
        PaymentStatus.PAID,
    )  # failed → paid: money is never ignored
    assert Receipt.objects.filter(payment=payment).exists()
    assert (
        checkout.apply_update(payment, Update.expired(), source=EventSource.SYNC)[0] == EventOutcome.IGNORED
    )
    assert checkout.apply_update(payment, Update.refunded(1500), source=EventSource.WEBHOOK) == (
        EventOutcome.APPLIED,
        PaymentStatus.PARTLY_REFUNDED,
    )
    assert (
        checkout.apply_update(payment, Update.refunded(1000), source=EventSource.WEBHOOK)[0]
        == EventOutcome.IGNORED
    )
    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.PARTLY_REFUNDED, 1500)
    lines = list(payment.log.values_list("from_status", "to_status"))
    assert ("failed", "paid") in lines and ("paid", "partly_refunded") in lines


def test_a_wrong_amount_or_currency_is_held_for_review(fake_provider, submission):
    payment = fake_payment(submission)
    outcome, reason = checkout.apply_update(
        payment, Update.paid(amount=400, currency="usd"), source=EventSource.WEBHOOK
    )
    payment.refresh_from_db()
    assert outcome == EventOutcome.FLAGGED and payment.status == PaymentStatus.NEEDS_REVIEW
    assert "amount 400" in reason and "currency" in reason and not Receipt.objects.exists()


# What is offered ------------------------------------------------------------------------------------------
def test_before_the_office_chooses_stripe_or_its_demo_is_offered(settings, db):
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True  # as in development (production: tests/payments/test_demo_in_production.py)
    assert [p.id for p in checkout.offered_providers(default_office())] == ["demo"] and checkout.demo_mode(
        default_office()
    )
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    assert [p.id for p in checkout.offered_providers(default_office())] == [
        "stripe"
    ] and not checkout.demo_mode(default_office())


def test_the_office_chooses(settings, db):
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    enable_providers("promptpay_qr")
    assert [p.id for p in checkout.offered_providers(default_office())] == ["promptpay_qr"]
    enable_providers("stripe", "promptpay_qr")
    assert {p.id for p in checkout.offered_providers(default_office())} == {"stripe", "promptpay_qr"}
    enable_providers()
    assert (
        checkout.offered_providers(default_office()) == []
        and checkout.offered_methods(default_office()) == set()
    )
    settings.STRIPE_SECRET_KEY = ""
    enable_providers("stripe", "promptpay_qr")  # chosen once, but the keys were removed since
    assert [p.id for p in checkout.offered_providers(default_office())] == ["promptpay_qr"]


def _settings_form(data):
    form_class = PaymentSettings.edit_handler.bind_to_model(PaymentSettings).get_form_class()
    assert issubclass(form_class, PaymentSettingsForm)
    base = {
        "refund_approval_threshold": "1000",
        "receipt_note_th": "",
        "receipt_note_en": "",
        "promptpay_qr__column_date": "วันที่",
        "promptpay_qr__column_amount": "จำนวนเงิน",
        "promptpay_qr__column_ref1": "Ref1",
    }
    return form_class({**base, **data}, instance=PaymentSettings.for_office(default_office()))


def test_stripe_can_only_be_enabled_with_its_keys(settings, db):
    settings.STRIPE_SECRET_KEY = ""
    form = _settings_form({"online_providers": ["stripe"]})
    assert not form.is_valid() and "STRIPE_SECRET_KEY" in str(form.errors["online_providers"])
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    form = _settings_form({"online_providers": ["stripe"]})
    assert form.is_valid(), form.errors
    form.save()
    assert PaymentSettings.for_office(default_office()).online_providers == ["stripe"]


def test_promptpay_qr_needs_a_valid_biller_id(db):
    form = _settings_form({"online_providers": ["promptpay_qr"], "promptpay_qr__biller_id": ""})
    assert not form.is_valid() and "promptpay_qr__biller_id" in form.errors
    form = _settings_form(
        {"online_providers": ["promptpay_qr"], "promptpay_qr__biller_id": "123456789012345"}
    )
    assert not form.is_valid()  # not a tax ID: the check digit is wrong
    form = _settings_form(
        {"online_providers": ["promptpay_qr"], "promptpay_qr__biller_id": "0-9940-00165-51-0 01"}
    )
    assert form.is_valid(), form.errors
    form.save()
    saved = PaymentSettings.for_office(default_office())
    assert saved.online_providers == ["promptpay_qr"]
    assert saved.provider_options["promptpay_qr"]["biller_id"] == "099400016551001"
    assert providers.get("promptpay_qr", office=default_office()).columns()["ref1"] == ["ref1"]


def test_the_settings_page_shows_every_providers_options(admin_client):
    response = admin_client.get("/admin/settings/payments/paymentsettings/", follow=True)
    text = response.content.decode()
    assert response.status_code == 200
    assert 'name="online_providers"' in text and 'value="promptpay_qr"' in text
    assert 'name="promptpay_qr__biller_id"' in text and 'name="promptpay_qr__column_ref1"' in text


# The core speaks no provider's language ----------------------------------------------------------------
ALLOWED = (
    "payments/providers/stripe/",
    "config/settings/",
    "payments/migrations/",
    "templates/payments/providers/stripe/",
)
CITIZEN_TEMPLATES = ("templates/payments/includes/demo_banner.html",)  # tells the citizen why it is a demo


def test_only_the_stripe_package_speaks_stripe():
    offenders = []
    for path in [*ROOT.glob("**/*.py"), *ROOT.glob("**/*.html")]:
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith((".venv", "tests/", "docs/", "staticfiles/", "media/", "test-artifacts/")):
            continue
        if relative.startswith(ALLOWED) or relative in CITIZEN_TEMPLATES:
            continue
        if re.search("stripe", path.read_text(errors="ignore"), re.IGNORECASE):
            offenders.append(relative)
    assert offenders == []


def test_nothing_else_sets_a_refunds_status():
    """Only refund_transitions.py creates refunds and changes their status."""
    offenders = []
    for path in (ROOT / "payments").rglob("*.py"):
        if path.name == "refund_transitions.py" or "migrations" in path.parts:
            continue
        text = path.read_text()
        if re.search(
            r"\brefund\w*\.status\s*=[^=]|Refund\.objects\.[^\n]*update\([^)]*status|Refund\.objects\.create",
            text,
        ):
            offenders.append(str(path))
    assert offenders == []


def test_a_payment_whose_provider_is_gone_breaks_no_page(client, admin_client, submission):
    Payment.objects.create(
        submission=submission,
        channel="online",
        provider="gone",
        provider_reference="x",
        amount=4000,
        description="x",
    )
    verify(client, submission)
    assert client.get(f"/th/payments/{submission.reference}/").status_code == 200
    assert admin_client.get(f"/admin/payments/{submission.reference}/").status_code == 200
    assert checkout.sync_pending()["errors"] == 1
