"""Officers' payment screens in the Wagtail admin: a submission's payments, refunds with a second
officer's approval above the administrator's threshold, counter payments, assessed fees, the
reconciliation report. Each action calls `payments.refunds` or `payments.counter`; each needs its own
permission, and every
request, payment and refund is looked up among the submissions the member of staff may see
(`payments.scope`: an office's administrators their office's, officers the services their group
handles, platform administrators all): another service's or office's are a 404, as if they did not
exist."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from payments import checkout, counter, fees, notices, providers, refunds, reports, scope
from payments.constants import PaymentChannel, RefundStatus
from payments.forms import AssessFeeForm, CounterPaymentForm, RefundForm, ReportFilterForm
from payments.models import Payment, PaymentSettings, Refund
from payments.views import receipt_response


def require(request, *perms):
    if not all(request.user.has_perm(f"payments.{perm}") for perm in perms):
        raise PermissionDenied


def visible_submissions(request):
    return scope.visible_submissions(request.user)


def _matches(request, reference):
    """The requests the officer may see with this reference: a reference is unique only within its
    office, so staff of several offices (platform administrators) may see more than one. `?office=`
    (an office's id, carried by every link and form of these pages) picks one."""
    matches = visible_submissions(request).filter(reference__iexact=reference)
    office = request.GET.get("office", "")
    if office:
        matches = matches.filter(office_id=int(office)) if office.isdigit() else matches.none()
    return list(matches.select_related("office")[:20])


def _submission(request, reference):
    """The one request this reference and `?office=` name; several (or none) are a 404: an action is
    never taken on a guess between two offices' requests."""
    matches = _matches(request, reference)
    if len(matches) != 1:
        raise Http404
    return matches[0]


def submission_url(request, submission):
    """The request's payments page; it names the office when the officer sees another request with
    the same reference (see `_matches`)."""
    url = reverse("payments_admin:submission", args=[submission.reference])
    others = visible_submissions(request).filter(reference=submission.reference).exclude(pk=submission.pk)
    return f"{url}?office={submission.office_id}" if others.exists() else url


def _choose_office(request, matches):
    """Several offices' requests have this reference: the officer picks one."""
    return TemplateResponse(request, "payments/admin/choose_office.html", {"matches": matches})


def index(request):
    require(request, "view_payment")
    query = (request.GET.get("q") or "").strip()[:30]
    if query:
        matches = _matches(request, query)
        if len(matches) > 1:
            return _choose_office(request, matches)
        if matches:
            return redirect(submission_url(request, matches[0]))
        return redirect("payments_admin:submission", reference=query)
    payments = Payment.objects.filter(submission__in=visible_submissions(request))
    context = {
        "flagged": payments.flagged().select_related("submission")[:50],
        "awaiting": Refund.objects.filter(
            status=RefundStatus.AWAITING_APPROVAL, payment__submission__in=visible_submissions(request)
        ).select_related("payment__submission", "requested_by"),
        "recent": payments.select_related("submission", "receipt")[:50],
        "notices": checkout.admin_notices(scope.staff_offices(request.user)),
        "provider_links": [link for p in providers.all_providers() for link in p.admin_links(request)],
    }
    return TemplateResponse(request, "payments/admin/index.html", context)


def submission_payments(request, reference):
    require(request, "view_payment")
    matches = _matches(request, reference)
    if len(matches) > 1:
        return _choose_office(request, matches)
    submission = _submission(request, reference)
    payments = list(
        Payment.objects.filter(submission=submission)
        .select_related("recorded_by")
        .prefetch_related("log", "refunds")
    )
    settled = checkout.settled_payment(submission)
    settled_provider = checkout.provider_or_none(settled)
    context = {
        "submission": submission,
        "fee": fees.fee_for(submission),
        "payments": payments,
        "settled": settled,
        "refundable": refunds.refundable_now(settled) if settled else 0,
        "threshold": PaymentSettings.for_office(submission.office).refund_approval_threshold,
        "refund_form": RefundForm(),
        "counter_form": CounterPaymentForm(initial={"amount": fees.fee_for(submission).amount}),
        "assess_form": AssessFeeForm(),
        "refund_note": settled_provider.officer_refund_note(settled) if settled_provider else "",
        "can_refund": request.user.has_perm("payments.refund_payment"),
        "can_approve": request.user.has_perm("payments.approve_refund"),
        "can_counter": request.user.has_perm("payments.record_counter_payment"),
        "can_assess": request.user.has_perm("payments.assess_fee"),
    }
    return TemplateResponse(request, "payments/admin/submission.html", context)


def _back(request, submission):
    return redirect(submission_url(request, submission))


def _form_errors(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@require_POST
def refund(request, reference, payment_id):
    require(request, "refund_payment")
    submission = _submission(request, reference)
    payment = get_object_or_404(Payment, pk=payment_id, submission=submission)
    form = RefundForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, submission)
    try:
        result = refunds.request_refund(
            payment,
            amount=form.cleaned_data["amount"],
            reason=form.cleaned_data["reason"],
            officer=request.user,
        )
    except refunds.RefundError as error:
        messages.error(request, str(error))
        return _back(request, submission)
    if result.status == RefundStatus.AWAITING_APPROVAL:
        messages.warning(
            request, _("The refund is above the approval limit: another officer must approve it.")
        )
    elif result.status == RefundStatus.SUCCEEDED:
        messages.success(request, _("Refunded."))
    else:
        messages.info(
            request,
            _("The refund was sent to %(provider)s; it is finished when %(provider)s confirms it.")
            % {"provider": payment.provider_name},
        )
    provider = checkout.provider_or_none(payment)
    if provider is not None and provider.officer_refund_note(payment):
        messages.info(request, provider.officer_refund_note(payment))
    return _back(request, submission)


@require_POST
def decide_refund(request, refund_id, decision):
    require(request, "approve_refund")
    item = get_object_or_404(
        Refund.objects.select_related("payment__submission"),
        pk=refund_id,
        payment__submission__in=visible_submissions(request),
    )
    try:
        if decision == "approve":
            refunds.approve_refund(item, officer=request.user)
            messages.success(request, _("Refund approved."))
        else:
            refunds.reject_refund(item, officer=request.user)
            messages.success(request, _("Refund rejected."))
    except refunds.RefundError as error:
        messages.error(request, str(error))
    return _back(request, item.payment.submission)


@require_POST
def counter_payment(request, reference):
    require(request, "record_counter_payment")
    submission = _submission(request, reference)
    form = CounterPaymentForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, submission)
    try:
        counter.record_counter_payment(
            submission,
            amount=form.cleaned_data["amount"],
            method=form.cleaned_data["method"],
            note_text=form.cleaned_data["note"],
            officer=request.user,
        )
    except checkout.PaymentUnavailable as error:
        messages.error(request, str(error))
        return _back(request, submission)
    messages.success(request, _("Payment recorded; the receipt has its number."))
    return _back(request, submission)


@require_POST
def assess(request, reference):
    require(request, "assess_fee")
    submission = _submission(request, reference)
    form = AssessFeeForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, submission)
    try:
        counter.assess_fee(
            submission,
            amount=form.cleaned_data["amount"],
            note_text=form.cleaned_data["note"],
            officer=request.user,
        )
    except checkout.PaymentUnavailable as error:
        messages.error(request, str(error))
        return _back(request, submission)
    notices.payment_request(submission)
    messages.success(request, _("Fee set. The citizen has been asked to pay by email."))
    return _back(request, submission)


def receipt(request, payment_id):
    require(request, "view_payment")
    payment = get_object_or_404(
        Payment.objects.select_related("receipt"), pk=payment_id, submission__in=visible_submissions(request)
    )
    if not hasattr(payment, "receipt"):
        raise Http404
    return receipt_response(payment.receipt, request.GET.get("lang", "th"))


def report(request):
    require(request, "view_reconciliation")
    form = ReportFilterForm(request.GET or None)
    start = end = None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    data = reports.build(start, end, submissions=visible_submissions(request))
    if request.GET.get("format") == "csv":
        response = HttpResponse(reports.to_csv(data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="payments-{data["start"]}-{data["end"]}.csv"'
        return response
    return TemplateResponse(
        request,
        "payments/admin/report.html",
        {
            "form": form,
            "report": data,
            "csv_url": reverse("payments_admin:report") + "?" + request.GET.urlencode() + "&format=csv",
            "now": timezone.now(),
            "channels": PaymentChannel,
        },
    )
