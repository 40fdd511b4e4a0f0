"""How much a submission owes: plain rules, no requests or views."""

import dataclasses

from payments.constants import FeeKind
from payments.models import ServiceFee
from payments.money import baht_to_satang


@dataclasses.dataclass(frozen=True)
class Fee:
    kind: str
    amount: int | None  # satang; None while an officer has not assessed it
    option_label: str = ""

    @property
    def payable(self) -> bool:
        return bool(self.amount)

    @property
    def awaiting_assessment(self) -> bool:
        return self.kind == FeeKind.ASSESSED and self.amount is None


NO_FEE = Fee(FeeKind.NONE, 0)


def service_fee(service):
    """The `ServiceFee` of a service (any language version), or None."""
    if service is None:
        return None
    source = getattr(service, "source_page", service)
    return ServiceFee.objects.filter(service_id=source.pk).prefetch_related("options").first()


def fee_for(submission, service_fee_row=None) -> Fee:
    """The fee of `submission`: its service's fee rule applied to its answers.

    A service without a fee rule charges the fixed fee of its citizen's manual, as it was when the
    citizen submitted (`Submission.fee_amount`).
    """
    rule = service_fee_row if service_fee_row is not None else service_fee(submission.service)
    if rule is None:
        if submission.fee_amount:
            return Fee(FeeKind.FIXED, baht_to_satang(submission.fee_amount))
        return NO_FEE
    if rule.kind == FeeKind.NONE:
        return NO_FEE
    if rule.kind == FeeKind.FIXED:
        return Fee(FeeKind.FIXED, rule.amount)
    if rule.kind == FeeKind.ASSESSED:
        try:
            assessment = submission.fee_assessment
        except Exception:
            assessment = None
        return Fee(FeeKind.ASSESSED, assessment.amount if assessment else None)
    # Per chosen option: the choice is stored by position ("1", "2" …), the same in every language.
    chosen = submission.answer(rule.option_field_key)
    label = ""
    for item in submission.answers:
        if item.get("key") == rule.option_field_key:
            label = item.get("display", "")
    try:
        position = int(chosen)
    except (TypeError, ValueError):
        return Fee(FeeKind.PER_OPTION, None)
    for option in rule.options.all():
        if option.choice == position:
            return Fee(FeeKind.PER_OPTION, option.amount, label)
    return Fee(FeeKind.PER_OPTION, None, label)
