"""The data-subject request tool (PDPA §30–33): an administrator finds everything the site holds
about an email address, phone number or national ID, gives the person a copy, and erases it where
the law allows.

Everything is posted, never put in a URL (addresses and ID numbers would end up in server logs), and
every search, export and erasure is written to the personal-data audit log. Erasure reuses the
retention's anonymisation (`config.security.erasure`), so a request keeps its reference, dates,
states and payments' amounts and receipt numbers.
"""

import dataclasses
import json
import re

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from config.security.audit import record_access, record_subject
from config.security.citizen_verification import mask_email
from config.security.erasure import anonymise_submission, refusal
from config.security.models import AccessLog, CitizenDevice
from eforms.models import Draft, Notification, Submission
from eforms.validators import THAI_PHONE, normalise_national_id, normalise_phone

EMAIL, PHONE, NATIONAL_ID = "email", "phone", "national_id"
KIND_LABELS = {
    EMAIL: gettext_lazy("Email address"),
    PHONE: gettext_lazy("Phone number"),
    NATIONAL_ID: gettext_lazy("Thai national ID number"),
}


def can_handle(user) -> bool:
    """Administrators only: those who manage staff accounts (or superusers)."""
    return user.is_active and (user.is_superuser or user.has_perm("auth.change_user"))


def administrators_only(view):
    def wrapped(request, *args, **kwargs):
        if not can_handle(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def classify(text: str) -> tuple[str, str] | None:
    """(kind, normalised key) for an email address, a Thai phone number or a national ID; else None."""
    text = (text or "").strip()
    if "@" in text:
        return (EMAIL, text.lower()) if _valid_email(text) else None
    digits = normalise_national_id(text)
    if re.fullmatch(r"\d{13}", digits):
        return NATIONAL_ID, digits
    phone = normalise_phone(text)
    if THAI_PHONE.match(phone):
        return PHONE, phone
    return None


def _valid_email(text: str) -> bool:
    try:
        forms.EmailField().clean(text)
    except forms.ValidationError:
        return False
    return True


def mask(kind: str, key: str) -> str:
    if kind == EMAIL:
        return mask_email(key)
    return f"{key[:2]}{'•' * (len(key) - 4)}{key[-2:]}"


def _matches(kind: str, key: str, value) -> bool:
    if isinstance(value, list):
        return any(_matches(kind, key, item) for item in value)
    if isinstance(value, dict):
        return any(_matches(kind, key, item) for item in value.values())
    if not isinstance(value, str):
        return False
    if kind == EMAIL:
        return value.strip().lower() == key
    if kind == NATIONAL_ID:
        return normalise_national_id(value) == key
    return normalise_phone(value) == key


@dataclasses.dataclass
class Findings:
    kind: str
    key: str
    submissions: list
    payments: list
    drafts: list
    devices: list
    notifications: list

    @property
    def masked(self) -> str:
        return mask(self.kind, self.key)

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    @property
    def empty(self) -> bool:
        return not (self.submissions or self.payments or self.drafts or self.devices or self.notifications)

    def summary(self) -> str:
        return (
            f"{len(self.submissions)} submission(s), {len(self.payments)} payment(s), "
            f"{len(self.drafts)} draft(s), {len(self.notifications)} email(s)"
        )

    def refusals(self) -> list[str]:
        return [reason for reason in (refusal(s) for s in self.submissions) if reason]


def find(kind: str, key: str) -> Findings:
    """Everything held about the person: submissions (by their answers or the applicant's email),
    their payments and those the payment providers' events name them in, saved drafts, codes and emails."""
    texts = Submission.objects.annotate(text=Cast("answers", TextField()))
    in_answers = texts.filter(text__icontains=key).only("pk", "answers")
    ids = {s.pk for s in in_answers if _matches(kind, key, [a.get("value") for a in s.answers])}
    condition = Q(pk__in=ids)
    if kind == EMAIL:
        condition |= Q(applicant_email__iexact=key)
    submissions = list(
        Submission.objects.filter(condition).select_related("service").prefetch_related("files", "events")
    )
    payments = []
    if apps.is_installed("payments"):
        from payments.models import Payment, ProviderEvent

        named = ProviderEvent.objects.annotate(text=Cast("payload", TextField())).filter(
            text__icontains=key, payment__isnull=False
        )
        payments = list(
            Payment.objects.filter(Q(submission__in=submissions) | Q(pk__in=named.values("payment_id")))
            .select_related("submission", "receipt")
            .distinct()
        )
        known = {s.pk for s in submissions}
        submissions += list(  # requests whose payer the person was, under another email
            Submission.objects.filter(pk__in={p.submission_id for p in payments} - known)
            .select_related("service")
            .prefetch_related("files", "events")
        )
    if kind == EMAIL:
        drafts = list(Draft.objects.filter(email__iexact=key).select_related("service"))
        devices = list(CitizenDevice.objects.filter(address__iexact=key))
        notifications = list(Notification.objects.filter(to__iexact=key))
    else:
        drafts = list(
            Draft.objects.annotate(text=Cast("data", TextField()))
            .filter(text__contains=key)
            .select_related("service")
        )
        devices, notifications = [], []
    return Findings(kind, key, submissions, payments, drafts, devices, notifications)


def export_data(found: Findings) -> dict:
    """What the person is given: every record found, as plain JSON."""

    def payment_row(payment):
        receipt = getattr(payment, "receipt", None)
        return {
            "submission": payment.submission.reference,
            "status": payment.status,
            "channel": payment.channel,
            "method": payment.method,
            "amount_baht": payment.amount / 100,
            "amount_received_baht": payment.amount_received / 100,
            "amount_refunded_baht": payment.amount_refunded / 100,
            "created_at": payment.created_at,
            "paid_at": payment.paid_at,
            "receipt_number": receipt.number if receipt else None,
        }

    return {
        "searched_for": {"kind": found.kind, "value": found.key},
        "generated_at": timezone.now(),
        "submissions": [
            {
                "reference": s.reference,
                "service": s.service_title,
                "status": s.status,
                "language": s.language,
                "channel": s.channel,
                "submitted_at": s.submitted_at,
                "completed_at": s.completed_at,
                "applicant_name": s.applicant_name,
                "applicant_email": s.applicant_email,
                "personal_data_erased_at": s.anonymised_at,
                "answers": [
                    {"label": a.get("label"), "step": a.get("step"), "value": a.get("value")}
                    for a in s.answers
                ],
                "files": [
                    {
                        "name": f.original_name,
                        "type": f.file_type,
                        "size": f.size,
                        "uploaded_at": f.uploaded_at,
                    }
                    for f in s.files.all()
                ],
                "timeline": [
                    {"at": e.at, "what": e.kind, "status": e.to_status, "message": e.message}
                    for e in s.events.all()
                    if e.visible_to_citizen
                ],
            }
            for s in found.submissions
        ],
        "payments": [payment_row(p) for p in found.payments],
        "saved_drafts": [
            {
                "service": str(d.service),
                "email": d.email,
                "created_at": d.created_at,
                "expires_at": d.expires_at,
            }
            for d in found.drafts
        ],
        "emails": [
            {"to": n.to, "subject": n.subject, "created_at": n.created_at, "state": n.state}
            for n in found.notifications
        ],
    }


class SubjectRequestForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Email address, phone number or national ID"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_q(self):
        found = classify(self.cleaned_data["q"])
        if found is None:
            raise forms.ValidationError(
                _("Enter an email address, a Thai phone number or a 13-digit national ID number.")
            )
        return found


class EraseForm(SubjectRequestForm):
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked the person's identity and their request to erase their data.")
    )


def _log_each(request, action, found, detail):
    for submission in found.submissions:
        record_access(request, action, submission, detail=detail)


@administrators_only
def search(request):
    """The search form (GET), and what was found (POST)."""
    form = SubjectRequestForm(request.POST or None)
    context = {"form": form, "found": None}
    if request.method == "POST" and form.is_valid():
        kind, key = form.cleaned_data["q"]
        found = find(kind, key)
        record_subject(request, AccessLog.Action.SEARCH, kind, key, found.masked, detail=found.summary())
        context.update(
            found=found,
            query=request.POST["q"],
            refusals=found.refusals(),
            erase_form=EraseForm(initial={"q": request.POST["q"]}),
        )
    return render(request, "security/subject_request.html", context)


def _valid_or_back(request, form_class):
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return None
    return form


def _pdf_response(request, found, data):
    """The same copy as the printable page, as a PDF in the receipts' Thai font (it copies out as Thai)."""
    from weasyprint import HTML

    from payments.receipts import FONTS

    html = render_to_string(
        "security/subject_request_print.html",
        {"found": found, "data": data, "fonts_url": FONTS.as_uri()},
        request=request,
    )
    response = HttpResponse(
        HTML(string=html, base_url=str(FONTS)).write_pdf(), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="personal-data.pdf"'
    return response


@administrators_only
@require_POST
def export(request):
    """The person's copy: a JSON file, or (`format=html`) a page to print or save as PDF."""
    form = _valid_or_back(request, SubjectRequestForm)
    if form is None:
        return redirect("security_subject_requests:search")
    kind, key = form.cleaned_data["q"]
    found = find(kind, key)
    output = request.POST.get("format")
    output = output if output in ("html", "pdf") else "json"
    detail = f"{ {'html': 'printable page', 'pdf': 'PDF', 'json': 'JSON'}[output] }: {found.summary()}"
    record_subject(request, AccessLog.Action.EXPORT, kind, key, found.masked, detail=detail)
    _log_each(request, AccessLog.Action.EXPORT, found, "Data-subject request: copy for the person")
    data = export_data(found)
    if output == "html":
        return render(request, "security/subject_request_print.html", {"found": found, "data": data})
    if output == "pdf":
        return _pdf_response(request, found, data)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@administrators_only
@require_POST
def erase(request):
    """Erase what the law allows; refused as a whole while a request or a payment is still open."""
    form = _valid_or_back(request, EraseForm)
    if form is None:
        return redirect("security_subject_requests:search")
    kind, key = form.cleaned_data["q"]
    found = find(kind, key)
    reasons = found.refusals()
    if reasons:
        messages.error(request, _("Nothing was erased. %(reasons)s") % {"reasons": " ".join(reasons)})
        return redirect("security_subject_requests:search")
    with transaction.atomic():
        for submission in found.submissions:
            anonymise_submission(submission)
        Draft.objects.filter(pk__in=[d.pk for d in found.drafts]).delete()
        CitizenDevice.objects.filter(pk__in=[d.pk for d in found.devices]).delete()
        Notification.objects.filter(pk__in=[n.pk for n in found.notifications]).delete()
        record_subject(request, AccessLog.Action.ERASE, kind, key, found.masked, detail=found.summary())
        _log_each(request, AccessLog.Action.ERASE, found, "Data-subject request: personal data erased")
    messages.success(
        request,
        _(
            "The personal data of %(count)s request(s) was erased. References, dates, states and payments' "
            "amounts and receipt numbers are kept as the law requires."
        )
        % {"count": len(found.submissions)},
    )
    return redirect("security_subject_requests:search")


app_name = "security_subject_requests"
urlpatterns = [
    path("", search, name="search"),
    path("export/", export, name="export"),
    path("erase/", erase, name="erase"),
]
