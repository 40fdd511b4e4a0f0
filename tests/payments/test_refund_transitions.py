"""The refund state machine: every move the table allows is made (with a line in the payment's history),
every other one is refused and changes nothing."""

import itertools

import pytest

from payments import refund_transitions
from payments.constants import EventSource, RefundStatus
from payments.models import Payment, PaymentLog, Refund
from payments.transitions import transition
from tests.payments.conftest import make_submission

pytestmark = pytest.mark.django_db
R = RefundStatus
ALLOWED = {
    (R.AWAITING_APPROVAL, R.PROCESSING),
    (R.AWAITING_APPROVAL, R.REJECTED),
    (R.PROCESSING, R.SUCCEEDED),
    (R.PROCESSING, R.FAILED),
}
PAIRS = [(a, b) for a, b in itertools.product(R.values, R.values) if a != b]


@pytest.fixture
def paid(garbage_service):
    payment = Payment.objects.create(
        submission=make_submission(garbage_service), channel="counter", amount=4000, description="x"
    )
    transition(payment, "paid", source="officer", changes={"amount_received": 4000, "method": "cash"})
    return payment


def make_refund(payment, status, officer):
    """A refund in `status`, reached through the table from an initial state."""
    path = {
        R.AWAITING_APPROVAL: [],
        R.PROCESSING: [],
        R.REJECTED: [R.REJECTED],
        R.SUCCEEDED: [R.SUCCEEDED],
        R.FAILED: [R.FAILED],
    }[status]
    initial = R.AWAITING_APPROVAL if status in (R.AWAITING_APPROVAL, R.REJECTED) else R.PROCESSING
    refund = refund_transitions.create(
        payment, status=initial, amount=1000, reason="ทดสอบ", officer=officer, source=EventSource.OFFICER
    )
    for step in path:
        refund_transitions.transition(refund, step, source=EventSource.OFFICER, actor=officer)
    refund.refresh_from_db()
    assert refund.status == status
    return refund


def test_the_table_is_what_the_tests_say():
    assert {(a, b) for a, targets in refund_transitions.ALLOWED.items() for b in targets} == ALLOWED
    assert refund_transitions.INITIAL == {R.AWAITING_APPROVAL, R.PROCESSING}


@pytest.mark.parametrize(("from_status", "to_status"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_move(paid, permit_officer, from_status, to_status):
    refund = make_refund(paid, from_status, permit_officer)
    lines = PaymentLog.objects.count()
    if (from_status, to_status) in ALLOWED:
        result = refund_transitions.transition(
            refund,
            to_status,
            source=EventSource.OFFICER,
            actor=permit_officer,
            changes={"failure_message": "x"},
        )
        assert result.changed and result.from_status == from_status
        refund.refresh_from_db()
        assert refund.status == to_status and refund.failure_message == "x"
        line = PaymentLog.objects.latest("pk")
        assert line.data == {"refund": refund.pk, "from": from_status, "to": to_status}
        assert line.actor == permit_officer and PaymentLog.objects.count() == lines + 1
        if to_status == R.SUCCEEDED:
            assert refund.completed_at is not None
    else:
        with pytest.raises(refund_transitions.RefundTransitionNotAllowed):
            refund_transitions.transition(
                refund, to_status, source=EventSource.OFFICER, changes={"failure_message": "x"}
            )
        refund.refresh_from_db()
        assert refund.status == from_status and refund.failure_message == ""
        assert PaymentLog.objects.count() == lines


def test_the_same_state_changes_only_the_details(paid, permit_officer):
    refund = make_refund(paid, R.PROCESSING, permit_officer)
    lines = PaymentLog.objects.count()
    result = refund_transitions.transition(
        refund, R.PROCESSING, source=EventSource.SYSTEM, changes={"provider_reference": "re_1"}
    )
    refund.refresh_from_db()
    assert not result.changed and refund.provider_reference == "re_1" and PaymentLog.objects.count() == lines


def test_only_whitelisted_fields_and_initial_states(paid, permit_officer):
    refund = make_refund(paid, R.PROCESSING, permit_officer)
    with pytest.raises(ValueError):
        refund_transitions.transition(refund, R.SUCCEEDED, source=EventSource.SYSTEM, changes={"amount": 1})
    with pytest.raises(ValueError):
        refund_transitions.create(
            paid, status=R.SUCCEEDED, amount=1, reason="x", officer=permit_officer, source=EventSource.OFFICER
        )
    assert Refund.objects.count() == 1
    refund.refresh_from_db()
    assert refund.status == R.PROCESSING and refund.amount == 1000
