import datetime
from decimal import Decimal

import pytest

from payments import fees, receipts
from payments.constants import FeeKind
from payments.models import FeeAssessment, ServiceFee
from payments.money import baht_to_satang, format_amount, in_thai_words
from tests.payments.conftest import make_submission

pytestmark = pytest.mark.django_db


def test_money_is_integer_satang():
    assert baht_to_satang("40") == 4000
    assert baht_to_satang(Decimal("1234.50")) == 123450
    assert baht_to_satang("0.015") == 2
    assert format_amount(123450) == "1,234.50"
    with pytest.raises(ValueError):
        baht_to_satang("-1")
    with pytest.raises(ValueError):
        baht_to_satang("abc")


def test_amount_in_thai_words():
    assert in_thai_words(10000) == "หนึ่งร้อยบาทถ้วน"
    assert in_thai_words(4050) == "สี่สิบบาทห้าสิบสตางค์"


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (datetime.date(2025, 9, 30), 2568),
        (datetime.date(2025, 10, 1), 2569),
        (datetime.date(2026, 9, 30), 2569),
        (datetime.date(2026, 10, 1), 2570),
    ],
)
def test_thai_fiscal_year_starts_on_1_october(day, year):
    assert receipts.fiscal_year(day) == year


def test_fee_per_chosen_option(garbage_service):
    assert fees.fee_for(make_submission(garbage_service, period="1")).amount == 4000
    six = fees.fee_for(make_submission(garbage_service, period="2"))
    assert (six.kind, six.amount, six.option_label) == (FeeKind.PER_OPTION, 24000, "6 เดือน")


def test_fixed_none_and_manual_fallback(garbage_service):
    submission = make_submission(garbage_service)
    rule = ServiceFee.objects.get()
    rule.kind, rule.amount = FeeKind.FIXED, 10000
    rule.save()
    assert fees.fee_for(submission).amount == 10000
    rule.kind = FeeKind.NONE
    rule.save()
    assert not fees.fee_for(submission).payable
    rule.delete()
    assert fees.fee_for(submission).amount == 4000  # the citizen's manual's fee at submission


def test_assessed_fee_waits_for_an_officer(garbage_service, permit_officer):
    rule = ServiceFee.objects.get()
    rule.kind = FeeKind.ASSESSED
    rule.save()
    submission = make_submission(garbage_service)
    assert fees.fee_for(submission).awaiting_assessment
    FeeAssessment.objects.create(submission=submission, amount=150000, assessed_by=permit_officer)
    submission.refresh_from_db()
    assert fees.fee_for(submission).amount == 150000
