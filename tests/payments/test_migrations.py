"""Migrations 0003–0005 carry existing rows over: Stripe's and the demo's payments keep their ids as
the provider's references, refunds their refund ids, and every StripeEvent becomes a ProviderEvent."""

import pytest

from tests.migrations import latest, migrate
from tests.payments.conftest import make_submission

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("payments", "0003_submissions_in_casework")]
AFTER = [("payments", "0012_payment_settings_site_required")]


@pytest.fixture(autouse=True)
def _latest_afterwards():
    """Going back undoes what depends on payments (offices, privacy): every app's latest state again."""
    yield
    migrate(latest())


def test_rows_are_carried_over(garbage_service):
    submission = make_submission(garbage_service)
    old = migrate(BEFORE)
    Payment = old.get_model("payments", "Payment")
    common = {"submission_id": submission.pk, "amount": 4000, "description": "x"}
    stripe = Payment.objects.create(
        channel="stripe",
        stripe_session_id="cs_1",
        stripe_payment_intent_id="pi_1",
        status="paid",
        amount_received=4000,
        **common,
    )
    demo = Payment.objects.create(channel="demo", stripe_session_id="cs_demo_1", **common)
    counter = Payment.objects.create(channel="counter", **common)
    old.get_model("payments", "Refund").objects.create(
        payment=stripe, amount=1000, reason="r", status="succeeded", stripe_refund_id="re_1"
    )
    StripeEvent = old.get_model("payments", "StripeEvent")
    StripeEvent.objects.create(
        event_id="evt_1",
        type="checkout.session.completed",
        payload={"id": "evt_1"},
        payment=stripe,
        outcome="applied",
        deliveries=3,
    )
    StripeEvent.objects.create(
        event_id="evt_2",
        type="checkout.session.completed",
        payload={"data": {"object": {"id": "cs_demo_9"}}},
        outcome="ignored",
    )
    StripeEvent.objects.create(event_id="evt_3", type="charge.refunded", payload={}, outcome="deferred")

    new = migrate(AFTER)
    Payment = new.get_model("payments", "Payment")
    rows = {p.pk: p for p in Payment.objects.all()}
    assert (rows[stripe.pk].channel, rows[stripe.pk].provider) == ("online", "stripe")
    assert (rows[stripe.pk].provider_reference, rows[stripe.pk].provider_payment_reference) == (
        "cs_1",
        "pi_1",
    )
    assert (rows[demo.pk].channel, rows[demo.pk].provider, rows[demo.pk].provider_reference) == (
        "online",
        "demo",
        "cs_demo_1",
    )
    assert (rows[counter.pk].channel, rows[counter.pk].provider) == ("counter", "")
    refund = new.get_model("payments", "Refund").objects.get()
    assert (refund.provider, refund.provider_reference) == ("stripe", "re_1")
    events = {e.event_id: e for e in new.get_model("payments", "ProviderEvent").objects.all()}
    assert (events["evt_1"].provider, events["evt_1"].payment_id, events["evt_1"].outcome) == (
        "stripe",
        stripe.pk,
        "applied",
    )
    assert events["evt_1"].deliveries == 3 and events["evt_1"].payload == {"id": "evt_1"}
    assert events["evt_2"].provider == "demo" and events["evt_3"].outcome == "deferred"


def test_the_installations_payment_settings_become_every_offices(garbage_service):
    """0010–0012: the one PaymentSettings row is the default site's, and every other site gets a copy, so
    no office's payments change on the day of the upgrade; bank statement lines keep their office."""
    from wagtail.models import Site  # noqa: PLC0415

    submission = make_submission(garbage_service)
    default = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="huainamsai.example", root_page=default.root_page)
    old = migrate([("payments", "0009_receipt_office_required")])
    old.get_model("payments", "PaymentSettings").objects.create(
        online_providers=["promptpay_qr"],
        provider_options={"promptpay_qr": {"biller_id": "099400016551001"}},
        refund_approval_threshold=1234,
        receipt_note_th="หมายเหตุ",
    )
    Payment = old.get_model("payments", "Payment")
    payment = Payment.objects.create(
        submission_id=submission.pk, amount=4000, description="x", provider="promptpay_qr", channel="online"
    )
    Event = old.get_model("payments", "ProviderEvent")
    Event.objects.create(
        provider="promptpay_qr", event_id="txn:TX1", type="statement.line", payload={}, payment=payment
    )
    Event.objects.create(provider="stripe", event_id="evt_1", type="x", payload={})

    new = migrate([("payments", "0012_payment_settings_site_required")])
    rows = {row.site_id: row for row in new.get_model("payments", "PaymentSettings").objects.all()}
    assert set(rows) == {default.pk, other.pk}
    for row in rows.values():
        assert row.online_providers == ["promptpay_qr"] and row.refund_approval_threshold == 1234
        assert row.provider_options["promptpay_qr"]["biller_id"] == "099400016551001"
        assert row.receipt_note_th == "หมายเหตุ"
    events = {e.provider: e for e in new.get_model("payments", "ProviderEvent").objects.all()}
    code = submission.office.code
    assert (events["promptpay_qr"].event_id, events["promptpay_qr"].office_id) == (
        f"{code}:txn:TX1",
        submission.office_id,
    )
    assert events["stripe"].office_id == submission.office_id  # the default office's account, until now

    back = migrate([("payments", "0009_receipt_office_required")])  # and back again: one row, old ids
    assert back.get_model("payments", "PaymentSettings").objects.count() == 1
    assert (
        back.get_model("payments", "ProviderEvent").objects.get(provider="promptpay_qr").event_id == "txn:TX1"
    )
    migrate([("payments", "0012_payment_settings_site_required")])
