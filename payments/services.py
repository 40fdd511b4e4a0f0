"""What other apps ask of payments. Keep this module small and stable: the inbox and the status page
call `submission_payment`; the work itself lives in `checkout`, `refunds` and `counter`."""

from django.utils.translation import gettext as _

from payments import checkout, fees
from payments.constants import PaymentStatus
from payments.links import payment_page_url
from payments.money import format_baht


def submission_payment(submission):
    """What the citizen owes or paid, and where to pay: None when the service has no fee, else
    {"label": str, "state": str, "url": str | None, "amount": str}. A fee due after approval is
    "after_approval" without a URL until the request is approved."""
    fee = fees.fee_for(submission)
    settled = checkout.settled_payment(submission)
    if settled is not None:
        label = f"{settled.get_status_display()} – {format_baht(settled.amount_received)}"
        return {
            "label": label,
            "state": settled.status,
            "url": payment_page_url(submission),
            "amount": format_baht(settled.amount_received),
        }
    if fee.awaiting_assessment:
        return {
            "label": str(_("The fee will be set by an officer")),
            "state": "awaiting_assessment",
            "url": None,
            "amount": "",
        }
    if fee.amount and fee.not_yet_due:
        return {
            "label": str(_("To pay after approval: %(amount)s") % {"amount": format_baht(fee.amount)}),
            "state": "after_approval",
            "url": None,
            "amount": format_baht(fee.amount),
        }
    if not fee.payable:
        return None
    return {
        "label": str(_("Not paid yet: %(amount)s") % {"amount": format_baht(fee.amount)}),
        "state": PaymentStatus.PENDING,
        "url": payment_page_url(submission),
        "amount": format_baht(fee.amount),
    }


__all__ = ["submission_payment"]
