"""Officers' screens for PromptPay QR: import the bank's statement, or record one transfer by hand.

Both need `view_payment` and `import_bank_statement`. A statement is of one office's bank account: the
officer works on one of their offices at a time (`?office=<code>`, chosen on the page when they have
several), and its lines are matched to that office's requests only. Lines are applied only to the
requests the officer may see (`payments.scope`); the others are left unrecorded for the officers who
handle them, and the result does not say which requests they were.
"""

import datetime
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from payments import providers, scope
from payments.admin_views import visible_submissions
from payments.constants import EventOutcome, PaymentStatus
from payments.models import ProviderEvent
from payments.money import format_baht
from payments.providers.promptpay_qr import conf, statements
from payments.providers.promptpay_qr.forms import StatementForm, TransferForm
from payments.providers.promptpay_qr.models import StatementImport
from payments.providers.promptpay_qr.provider import admin_views_allowed
from payments.receipts import office_name_for

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


def _office(request):
    """(the office whose account is worked on, the offices the officer may choose from). An office
    that is not theirs is a 404, as an office that does not exist."""
    offices = list(scope.staff_offices(request.user))
    code = request.POST.get("office") or request.GET.get("office") or ""
    if code:
        chosen = next((office for office in offices if office.code == code), None)
        if chosen is None:
            raise Http404
        return chosen, offices
    if not offices:
        raise Http404
    # Not chosen: the default office's account (the installation's, before offices), else their first.
    return next((office for office in offices if office.site.is_default_site), offices[0]), offices


def _page(request, *, office, offices, form=None, transfer_form=None, result=None, errors=None, status=200):
    visible = visible_submissions(request)
    attention = (
        ProviderEvent.objects.filter(
            provider=statements.PROVIDER_ID, outcome=EventOutcome.FLAGGED, office=office
        )
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
        "imports": StatementImport.objects.filter(office=office).select_related("uploaded_by")[:20],
        "office": office,
        "office_name": office_name_for(get_language(), office.organisation) or office.code,
        "offices": offices,
        "attention": [
            {
                "event": event,
                "amount": format_baht(event.payload.get("amount")),
                "ref1": event.payload.get("ref1", ""),
                "date": event.payload.get("date", ""),
            }
            for event in attention
        ],
        "provider": providers.get(statements.PROVIDER_ID, office=office),
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
    office, offices = _office(request)
    if request.method != "POST":
        return _page(request, office=office, offices=offices)
    form = StatementForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return _page(request, office=office, offices=offices, form=form, errors=errors, status=400)
    upload = form.cleaned_data["statement"]
    provider = providers.get(statements.PROVIDER_ID, office=office)
    try:
        if upload.size > conf.max_statement_bytes():  # before reading it into memory
            raise statements.StatementError(
                _("The file is too large (at most %(size)s MB).")
                % {"size": conf.max_statement_bytes() // 2**20}
            )
        result = statements.import_statement(
            upload.read(),
            office=office,
            file_name=upload.name,
            officer=request.user,
            visible_submissions=visible_submissions(request),
            columns=provider.columns(),
        )
    except statements.StatementError as error:
        return _page(request, office=office, offices=offices, form=form, errors=error.messages, status=400)
    return _page(request, office=office, offices=offices, result=result)


@require_POST
def record_transfer(request):
    _require(request)
    office, offices = _office(request)
    form = TransferForm(request.POST)
    if not form.is_valid():
        return _page(request, office=office, offices=offices, transfer_form=form, status=400)
    data = form.cleaned_data
    ref1 = re.sub(r"[^0-9A-Z]", "", data["ref1"].upper())
    if not ref1 or len(ref1) > 20:
        form.add_error("ref1", _("Ref1 is 1 to 20 letters and digits."))
        return _page(request, office=office, offices=offices, transfer_form=form, status=400)
    # Typed by hand, an unknown Ref1 is more likely a typo than money to keep: refused, and a request
    # the officer does not handle is answered the same way, as if it did not exist.
    if not statements.candidates(ref1, office).filter(submission__in=visible_submissions(request)).exists():
        form.add_error("ref1", _("None of the requests you handle has a PromptPay QR code with this Ref1."))
        return _page(request, office=office, offices=offices, transfer_form=form, status=404)
    line = statements.Line(
        number=0,
        paid_on=data["paid_on"] or datetime.date.today(),
        time="",
        amount=data["amount"],
        ref1=ref1,
        transaction_id=data["transaction_id"].strip(),
    )
    result = statements.import_line(
        line, office=office, officer=request.user, visible_submissions=visible_submissions(request)
    )
    level = messages.success if result.outcome == EventOutcome.APPLIED else messages.warning
    level(request, result.message)
    if request.POST.get("office"):
        return redirect(
            reverse("payments_admin:promptpay_qr_statements") + "?" + urlencode({"office": office.code})
        )
    return redirect("payments_admin:promptpay_qr_statements")
