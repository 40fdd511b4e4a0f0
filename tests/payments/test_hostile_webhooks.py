"""Hostile input to the payment URLs that once gave server errors (issue 11): events signed for real
with the right secret but of a shape Stripe never sends, and a NUL byte in a checkout path. Each is
a clear 4xx, never a 500, and nothing is recorded."""

import json

import pytest
import stripe
from django.test import Client

from payments.models import ProviderEvent
from tests.payments.conftest import WEBHOOK_SECRET, WEBHOOK_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def stripe_keys(settings):
    """Stripe configured; nothing here calls its API, so no fake server is needed."""
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET


def signed_post(client, body: str):
    header = stripe.WebhookSignature.generate_signature_header(body, WEBHOOK_SECRET)
    return client.post(WEBHOOK_URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


def event(**changes):
    return {
        "id": "evt_hostile",
        "type": "customer.created",
        "created": 1_790_000_000,
        "data": {"object": {}},
    } | changes


@pytest.mark.parametrize(
    "body",
    [
        json.dumps(event(type=["checkout.session.completed"])),
        json.dumps(event(type=7)),
        json.dumps(event(type=None)),
        json.dumps(event(created="yesterday")),
        json.dumps(event(created=1e300)),
        json.dumps(event(created=True)),
        json.dumps(event(id="e" * 514)),
        json.dumps(event(id=12345)),
        json.dumps(event(id={"x": 1})),
        json.dumps("checkout.session.completed"),
        json.dumps(["checkout.session.completed", {"id": "evt_list"}]),
        json.dumps(event(data=["x"])),
        json.dumps(event(data={"object": "cs_123"})),
        json.dumps(event(type="checkout.session.completed\u0000")),
        json.dumps(event(data={"object": {"id": "cs_\u0000"}})),
        '{"id": "evt_x", "type": "a\\ud800b", "data": {"object": {}}}',
        json.dumps(event(livemode="yes")),
        "null",
        "42",
    ],
    ids=lambda body: body[:40],
)
def test_a_signed_event_of_the_wrong_shape_is_refused(stripe_keys, body):
    response = signed_post(Client(), body)
    assert response.status_code == 400, response.content[:200]
    assert not ProviderEvent.objects.exists()


@pytest.mark.parametrize(
    "obj",
    [
        {"id": ["cs_1"]},
        {"id": "cs_1", "amount_total": "4000"},
        {"id": "cs_1", "amount_total": 10**30},
        {"id": "cs_1", "metadata": "payment 1"},
        {"id": "cs_1", "payment_intent": {"id": ["pi"]}},
        {"id": "cs_1", "currency": 764},
    ],
    ids=str,
)
def test_a_signed_session_event_with_fields_of_the_wrong_type_is_refused(stripe_keys, obj):
    body = json.dumps(event(type="checkout.session.completed", data={"object": obj}))
    assert signed_post(Client(), body).status_code == 400
    assert not ProviderEvent.objects.exists()


def test_a_well_formed_event_is_still_recorded(stripe_keys):
    response = signed_post(Client(), json.dumps(event()))
    assert response.status_code == 200
    assert ProviderEvent.objects.get().event_id == "evt_hostile"
