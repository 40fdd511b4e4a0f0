"""Officers' screens for PromptPay QR: import the bank's statement, or record one transfer by hand.

Both need `view_payment` and `import_bank_statement`. Lines are applied only to the requests the
officer handles (`Submission.objects.visible_to`); the others are left unrecorded for the officers
who handle them, and the result does not say which requests they were.
"""

import datetime
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from payments import providers
from payments.admin_views import visible_submissions
from payments.constants import EventOutcome, PaymentStatus
from payments.models import ProviderEvent
from payments.money import format_baht
from payments.providers.promptpay_qr import conf, statements
from payments.providers.promptpay_qr.forms import StatementForm, TransferForm
from payments.providers.promptpay_qr.models import StatementImport
from payments.providers.promptpay_qr.provider import admin_views_allowed

OUTCOME_LABELS = {
    EventOutcome.APPLIED: "paid",
    EventOutcome.FLAGGED: "flagged",
    EventOutcome.IGNORED: "ignored",
    statements.DUPLICATE: "duplicate",
    statements.SKIPPED: "skipped",
}


def _require(request):
    if not admin_views_allowed(request.user):
        raise PermissionDenied


def _page(request, *, form=None, transfer_form=None, result=None, errors=None, status=200):
    visible = visible_submissions(request)
    attention = (
        ProviderEvent.objects.filter(provider=statements.PROVIDER_ID, outcome=EventOutcome.FLAGGED)
        .filter(
            Q(payment__isnull=True)
            | Q(payment__submission__in=visible, payment__status=PaymentStatus.NEEDS_REVIEW)
        )
        .select_related("payment__submission")[:100]
    )
    context = {
        "form": form or StatementForm(),
        "transfer_form": transfer_form or TransferForm(),
        "result": result,
        "rows": _rows(result) if result else [],
        "errors": errors or [],
        "imports": StatementImport.objects.select_related("uploaded_by")[:20],
        "attention": [
            {
                "event": event,
                "amount": format_baht(event.payload.get("amount")),
                "ref1": event.payload.get("ref1", ""),
                "date": event.payload.get("date", ""),
            }
            for event in attention
        ],
        "provider": providers.get(statements.PROVIDER_ID),
    }
    return TemplateResponse(
        request, "payments/providers/promptpay_qr/admin_statements.html", context, status=status
    )


def _rows(result):
    return [
        {
            "number": item.line.number,
            "date": item.line.paid_on,
            "amount": item.line.amount,
            "ref1": item.line.ref1 if item.outcome != statements.SKIPPED else "",
            "outcome": OUTCOME_LABELS.get(item.outcome, item.outcome),
            "message": item.message,
            "reference": item.payment.submission.reference if item.payment is not None else "",
        }
        for item in result.results
    ]


def statements_page(request):
    _require(request)
    if request.method != "POST":
        return _page(request)
    form = StatementForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return _page(request, form=form, errors=errors, status=400)
    upload = form.cleaned_data["statement"]
    provider = providers.get(statements.PROVIDER_ID)
    try:
        if upload.size > conf.max_statement_bytes():  # before reading it into memory
            raise statements.StatementError(
                _("The file is too large (at most %(size)s MB).")
                % {"size": conf.max_statement_bytes() // 2**20}
            )
        result = statements.import_statement(
            upload.read(),
            file_name=upload.name,
            officer=request.user,
            visible_submissions=visible_submissions(request),
            columns=provider.columns(),
        )
    except statements.StatementError as error:
        return _page(request, form=form, errors=error.messages, status=400)
    return _page(request, result=result)


@require_POST
def record_transfer(request):
    _require(request)
    form = TransferForm(request.POST)
    if not form.is_valid():
        return _page(request, transfer_form=form, status=400)
    data = form.cleaned_data
    ref1 = re.sub(r"[^0-9A-Z]", "", data["ref1"].upper())
    if not ref1 or len(ref1) > 20:
        form.add_error("ref1", _("Ref1 is 1 to 20 letters and digits."))
        return _page(request, transfer_form=form, status=400)
    # Typed by hand, an unknown Ref1 is more likely a typo than money to keep: refused, and a request
    # the officer does not handle is answered the same way, as if it did not exist.
    if not statements.candidates(ref1).filter(submission__in=visible_submissions(request)).exists():
        form.add_error("ref1", _("None of the requests you handle has a PromptPay QR code with this Ref1."))
        return _page(request, transfer_form=form, status=404)
    line = statements.Line(
        number=0,
        paid_on=data["paid_on"] or datetime.date.today(),
        time="",
        amount=data["amount"],
        ref1=ref1,
        transaction_id=data["transaction_id"].strip(),
    )
    result = statements.import_line(
        line, officer=request.user, visible_submissions=visible_submissions(request)
    )
    level = messages.success if result.outcome == EventOutcome.APPLIED else messages.warning
    level(request, result.message)
    return redirect("payments_admin:promptpay_qr_statements")
