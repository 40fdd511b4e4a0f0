"""PromptPay QR to the office's own bank account: a bill-payment QR code per payment, confirmed by the
bank's statement (imported by an officer) or by an officer recording the transfer by hand."""

import re
from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from stdnum.th import tin

from casework.models import Submission
from payments import checkout
from payments.constants import (
    CURRENCY,
    EventOutcome,
    EventSource,
    PaymentChannel,
    PaymentMethod,
    PaymentStatus,
)
from payments.models import Payment
from payments.providers import register
from payments.providers.base import Provider, ProviderError, RefundResult, Started, Update
from payments.providers.promptpay_qr import conf, payload
from payments.providers.promptpay_qr.statements import Line, candidates, column_names
from payments.receipts import office_name_for

S = PaymentStatus

#: Header names accepted for each statement column until the office sets its own: the Thai and
#: English wording of the bill-payment reports of the main Thai banks.
DEFAULT_COLUMNS = {
    "date": "วันที่ทำรายการ, วันที่รับชำระ, วันที่, Transaction Date, Payment Date, Date",
    "amount": "จำนวนเงิน, ยอดเงิน, ยอดชำระ, Amount",
    "ref1": "Ref1, Ref 1, Ref.1, เลขที่อ้างอิง 1, หมายเลขอ้างอิง 1, Reference 1, Reference No. 1",
    "ref2": "Ref2, Ref 2, Ref.2, เลขที่อ้างอิง 2, หมายเลขอ้างอิง 2, Reference 2, Reference No. 2",
    "transaction": "เลขที่รายการ, รหัสอ้างอิงธนาคาร, Transaction ID, Transaction No., Bank Reference",
}


def valid_biller_id(value: str) -> bool:
    """15 digits: a 13-digit Thai tax ID (with its check digit) and a 2-digit suffix."""
    return bool(re.fullmatch(r"\d{15}", value or "")) and tin.is_valid(value[:13])


@register("promptpay_qr")
class PromptPayQRProvider(Provider):
    name = _("PromptPay QR (office bank account)")
    citizen_label = _("PromptPay QR code, paid straight to the office's bank account")
    citizen_help = _(
        "Scan the QR code with your bank's app. The office confirms the payment when the bank's "
        "statement arrives, usually the next working day; the receipt is then emailed to you."
    )
    methods = frozenset({PaymentMethod.PROMPTPAY})
    pending_template = "payments/providers/promptpay_qr/pending.html"

    # Configuration -------------------------------------------------------------------------------
    def settings_fields(self) -> dict:
        def column(key, label):
            return forms.CharField(
                label=label,
                initial=DEFAULT_COLUMNS[key],
                required=key not in ("ref2", "transaction"),
                max_length=500,
                help_text=_("The column's name in the bank's CSV file; give several separated by commas."),
            )

        return {
            "biller_id": forms.CharField(
                label=_("Biller ID"),
                required=False,
                max_length=25,
                initial="",
                help_text=_(
                    "15 digits: the office's 13-digit tax ID and the 2-digit suffix the bank gave for bill "
                    "payments to its account."
                ),
            ),
            "merchant_name": forms.CharField(
                label=_("Name shown by the payer's bank app (Latin letters)"),
                required=False,
                max_length=25,
                initial="",
                help_text=_("Optional, up to 25 letters. Left empty, the office's English name is used."),
            ),
            "column_date": column("date", _("Statement column: date")),
            "column_amount": column("amount", _("Statement column: amount")),
            "column_ref1": column("ref1", _("Statement column: Ref1")),
            "column_ref2": column("ref2", _("Statement column: Ref2 (optional)")),
            "column_transaction": column(
                "transaction", _("Statement column: bank transaction id (optional)")
            ),
        }

    def clean_settings(self, values, enabled) -> dict:
        errors = {}
        biller_id = re.sub(r"[\s-]", "", values.get("biller_id") or "")
        if biller_id and not valid_biller_id(biller_id):
            errors["biller_id"] = _("A biller ID is 15 digits: a valid 13-digit tax ID and a 2-digit suffix.")
        elif enabled and not biller_id:
            errors["biller_id"] = _("Give the office's biller ID to offer PromptPay QR.")
        values["biller_id"] = biller_id
        name = values.get("merchant_name") or ""
        if name and payload.merchant_name(name) != " ".join(name.split()):
            errors["merchant_name"] = _("Use Latin letters, digits and spaces only.")
        return errors

    def biller_id(self) -> str:
        return self.options().get("biller_id") or ""

    def columns(self) -> dict[str, list[str]]:
        options = self.options()
        return {key: column_names(options.get(f"column_{key}") or "") for key in DEFAULT_COLUMNS}

    def lifetime(self):
        return timedelta(hours=conf.lifetime_hours())

    # The citizen's payment ------------------------------------------------------------------------
    def ref1(self, payment) -> str:
        """The request's reference without its dashes: Ref1 allows only 0-9 and A-Z."""
        return payload.reference(payment.submission.reference)

    def payload(self, payment) -> str:
        name = self.options().get("merchant_name") or office_name_for("en", self.office.organisation)
        return payload.bill_payment(
            biller_id=self.biller_id(),
            ref1=self.ref1(payment),
            ref2=str(payment.pk),
            amount_satang=payment.amount,
            name=name,
        )

    def start_payment(self, payment, *, return_url, cancel_url, customer_email="") -> Started:
        """Nothing to ask anyone: the QR code is made from the payment. Its references are the
        request's (Ref1) and the payment's number (Ref2)."""
        if not valid_biller_id(self.biller_id()):
            raise ProviderError("PromptPay QR has no valid biller ID", retryable=False, code="not_configured")
        with translation.override(payment.language or "th"):
            url = reverse("payments_citizen:promptpay_qr", args=[payment.submission.reference, payment.pk])
        return Started(reference=f"{self.ref1(payment)}/{payment.pk}", url=url)

    def expire(self, payment) -> Update:
        return Update.expired("QR code not paid in time")

    def apply_event(self, data):
        """One statement line: find the payment its Ref1 (and Ref2) names and apply "paid". The
        request's row is locked first, so two lines for one request are applied one after the other."""

        line = Line.from_payload(data)
        officer = (
            get_user_model().objects.filter(pk=data.get("officer")).first() if data.get("officer") else None
        )
        with transaction.atomic():
            payment = self._match(line, Submission)
            if payment is None:
                return EventOutcome.FLAGGED, f"no PromptPay QR payment has Ref1 {line.ref1}", None
            update = Update.paid(
                amount=line.amount,
                currency=CURRENCY,
                method=PaymentMethod.PROMPTPAY,
                payment_reference=line.payment_reference,
                note=f"bank statement line {line.number}" if line.number else "transfer recorded by hand",
            )
            outcome, message = checkout.apply_update(
                payment, update, source=EventSource.STATEMENT, event_id=line.line_id, actor=officer
            )
        return outcome, message, payment

    def _match(self, line, submission_model):
        matching = candidates(line.ref1, self.office)
        submission_ids = sorted(set(matching.values_list("submission_id", flat=True)))
        if not submission_ids:
            return None
        list(submission_model.objects.select_for_update().filter(pk__in=submission_ids).order_by("pk"))
        unpaid = matching.filter(status__in=[S.PENDING, S.EXPIRED, S.FAILED])
        if line.ref2:
            exact = unpaid.filter(provider_reference=f"{line.ref1}/{line.ref2}").first()
            if exact is not None:
                return exact
        found = (
            unpaid.filter(status=S.PENDING).order_by("-created_at").first()
            or unpaid.order_by("-created_at").first()
        )
        if found is not None:
            return found
        # Every QR code of the request is settled: this is a second transfer. It gets a row of its own,
        # so it is held for review and can be refunded; it is never dropped.
        latest = matching.order_by("-created_at").first()

        return Payment.objects.create(
            submission_id=latest.submission_id,
            channel=PaymentChannel.ONLINE,
            provider=self.id,
            amount=latest.amount,
            description=latest.description,
            language=latest.language,
            provider_reference=f"{line.ref1}/{line.line_id}",
        )

    def refund(self, payment, *, amount, idempotency_key, reason="") -> RefundResult:
        """The money is in the office's own account: the office transfers it back itself, and the
        officer records the refund when that is done."""
        return RefundResult(reference=None, status="succeeded", amount=amount)

    # Words -----------------------------------------------------------------------------------------
    def receipt_label(self, payment) -> str:
        return str(_("PromptPay QR to the office's account"))

    def receipt_reference(self, payment):
        return (str(_("PromptPay Ref1")), self.ref1(payment))

    def officer_refund_note(self, payment) -> str:
        return str(
            _(
                "Paid by PromptPay QR into the office's account: transfer the money back to the payer from "
                "that account first, then record the refund here."
            )
        )

    def citizen_refund_note(self, payment) -> str:
        return str(_("The office transfers the money back to the account you paid from."))

    # Wiring ----------------------------------------------------------------------------------------
    def citizen_urls(self) -> list:
        from payments.providers.promptpay_qr import views  # noqa: PLC0415 — these use the provider

        base = "<str:reference>/promptpay-qr/<int:payment_id>/"
        return [
            path(base, views.qr_page, name="promptpay_qr"),
            path(f"{base}code.png", views.qr_image, name="promptpay_qr_image"),
            path(f"{base}print/", views.qr_print, name="promptpay_qr_print"),
        ]

    def admin_urls(self) -> list:
        from payments.providers.promptpay_qr import admin_views  # noqa: PLC0415 — these use the provider

        return [
            path("promptpay-qr/statements/", admin_views.statements_page, name="promptpay_qr_statements"),
            path("promptpay-qr/transfer/", admin_views.record_transfer, name="promptpay_qr_transfer"),
        ]

    def admin_links(self, request):
        if admin_views_allowed(request.user):
            return [
                (reverse("payments_admin:promptpay_qr_statements"), str(_("Bank statements (PromptPay QR)")))
            ]
        return []


def admin_views_allowed(user) -> bool:
    return user.has_perm("payments.view_payment") and user.has_perm("payments.import_bank_statement")
