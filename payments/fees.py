"""How much a submission owes, and when: plain rules, no requests or views.

The same rule prices a sent request (`fee_for`) and the form before it is sent (`Pricer`, registered
with `eforms.pricing`), so the manual, each choice, the review page and the payment step agree.
"""

import dataclasses

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext as _

from casework.constants import SubmissionStatus
from eforms.constants import FeeDue
from payments.constants import FeeKind
from payments.models import ServiceFee
from payments.money import baht_to_satang, format_baht

#: A fee due after approval can be paid from these states on.
APPROVED_STATUSES = frozenset({SubmissionStatus.APPROVED, SubmissionStatus.COMPLETED})


@dataclasses.dataclass(frozen=True)
class Fee:
    kind: str
    amount: int | None  # satang; None while an officer has not assessed it
    option_label: str = ""
    #: The service takes its fee after approval and the request is not approved yet.
    not_yet_due: bool = False

    @property
    def payable(self) -> bool:
        return bool(self.amount) and not self.not_yet_due

    @property
    def awaiting_assessment(self) -> bool:
        return self.kind == FeeKind.ASSESSED and self.amount is None


NO_FEE = Fee(FeeKind.NONE, 0)

#: Apps that change a sent request's fee (a late renewal's surcharge): name -> (submission, fee) -> fee.
_adjustments = {}


def register_adjustment(name, function) -> None:
    _adjustments[name] = function


#: Where `prepare_service_fees` leaves a page's fee rule (None: it has none).
_LOADED = "_tambon_service_fee"


def service_fee(service):
    """The `ServiceFee` of a service (any language version), or None."""
    if service is None:
        return None
    if _LOADED in service.__dict__:
        return service.__dict__[_LOADED]
    source = getattr(service, "source_page", service)
    return ServiceFee.objects.filter(service_id=source.pk).prefetch_related("options").first()


def prepare_service_fees(pages) -> None:
    """Load the fee rules (with their options) of many service pages, in any language, in two queries."""
    if not pages:
        return
    rules = (
        ServiceFee.objects.filter(
            service__translation_key__in={page.translation_key for page in pages},
            service__locale__language_code=settings.LANGUAGE_CODE,
        )
        .prefetch_related("options")
        .annotate(translation_key=F("service__translation_key"))
    )
    by_key = {rule.translation_key: rule for rule in rules}
    for page in pages:
        page.__dict__[_LOADED] = by_key.get(page.translation_key)


def due_after_approval(service) -> bool:
    """Whether the service's fee is asked for with the approval (editor's setting on the e-service)."""
    return getattr(service, "fee_due", FeeDue.ON_SUBMIT) == FeeDue.AFTER_APPROVAL


def _apply_rule(rule, *, fallback_baht, chosen, option_label, assessment_amount) -> Fee:
    """The fee of one rule for one set of answers. Without a rule: the citizen's manual's fee."""
    if rule is None:
        return Fee(FeeKind.FIXED, baht_to_satang(fallback_baht)) if fallback_baht else NO_FEE
    if rule.kind == FeeKind.NONE:
        return NO_FEE
    if rule.kind == FeeKind.FIXED:
        return Fee(FeeKind.FIXED, rule.amount)
    if rule.kind == FeeKind.ASSESSED:
        return Fee(FeeKind.ASSESSED, assessment_amount)
    # Per chosen option: the choice is stored by position ("1", "2" …), the same in every language.
    try:
        position = int(chosen)
    except (TypeError, ValueError):
        return Fee(FeeKind.PER_OPTION, None, option_label)
    for option in rule.options.all():
        if option.choice == position:
            return Fee(FeeKind.PER_OPTION, option.amount, option_label)
    return Fee(FeeKind.PER_OPTION, None, option_label)


def fee_for(submission, service_fee_row=None) -> Fee:
    """The fee of `submission`: its service's fee rule applied to its answers.

    A service without a fee rule charges the fixed fee of its citizen's manual, as it was when the
    citizen submitted (`Submission.fee_amount`). A fee due after approval is `not_yet_due` until then.
    """
    rule = service_fee_row if service_fee_row is not None else service_fee(submission.service)
    label = ""
    if rule is not None and rule.kind == FeeKind.PER_OPTION:
        for item in submission.answers:
            if item.get("key") == rule.option_field_key:
                label = item.get("display", "")
    assessment = None
    if rule is not None and rule.kind == FeeKind.ASSESSED:
        try:
            assessment = submission.fee_assessment
        except Exception:
            assessment = None
    fee = _apply_rule(
        rule,
        fallback_baht=submission.fee_amount,
        chosen=submission.answer(rule.option_field_key) if rule is not None else None,
        option_label=label,
        assessment_amount=assessment.amount if assessment else None,
    )
    for adjust in _adjustments.values():
        fee = adjust(submission, fee)
    if due_after_approval(submission.service) and submission.status not in APPROVED_STATUSES:
        fee = dataclasses.replace(fee, not_yet_due=True)
    return fee


class Pricer:
    """The fee rules as the citizen's form pages say them (`eforms.pricing`), before anything is sent."""

    def prepare(self, pages) -> None:
        prepare_service_fees(pages)

    def has_fee(self, page) -> bool:
        rule = service_fee(page)
        if rule is None:
            return bool(page.fee_amount)
        return rule.kind != FeeKind.NONE

    def _option_field(self, page, rule):
        return next((spec for spec in page.field_specs if spec.key == rule.option_field_key), None)

    def fee_text(self, page) -> str:
        rule = service_fee(page)
        if rule is None:
            return format_baht(baht_to_satang(page.fee_amount)) if page.fee_amount else _("No fee")
        if rule.kind == FeeKind.NONE:
            return _("No fee")
        if rule.kind == FeeKind.FIXED:
            return format_baht(rule.amount)
        if rule.kind == FeeKind.ASSESSED:
            if rule.amount:
                return _("Set by an officer after review (about %(amount)s)") % {
                    "amount": format_baht(rule.amount)
                }
            return _("Set by an officer after review")
        spec = self._option_field(page, rule)
        labels = dict(spec.choice_list) if spec else {}
        return ", ".join(
            f"{labels.get(str(option.choice), option.choice)} {format_baht(option.amount)}"
            for option in sorted(rule.options.all(), key=lambda o: o.choice)
        )

    def choice_prices(self, page) -> dict:
        rule = service_fee(page)
        if rule is None or rule.kind != FeeKind.PER_OPTION:
            return {}
        return {rule.option_field_key: {str(o.choice): format_baht(o.amount) for o in rule.options.all()}}

    def total(self, page, answers) -> str:
        rule = service_fee(page)
        if rule is not None and rule.kind == FeeKind.ASSESSED:
            return _("set by an officer after reviewing your request")
        fee = _apply_rule(
            rule,
            fallback_baht=page.fee_amount,
            chosen=answers.get(rule.option_field_key) if rule is not None else None,
            option_label="",
            assessment_amount=None,
        )
        return format_baht(fee.amount) if fee.amount else ""
