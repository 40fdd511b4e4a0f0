"""The page where a citizen asks for a one-time code and types it in."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from config.security import citizen_verification as verification


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the email"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return "/"


def _submission(reference):
    from eforms.models import Submission
    from eforms.references import normalise_reference, parse_reference

    if parse_reference(reference) is None:  # not a reference: never let odd bytes reach the database
        raise Http404
    submission = Submission.objects.filter(reference=normalise_reference(reference)).first()
    if submission is None:
        raise Http404
    return submission


def verify(request, reference):
    submission = _submission(reference)
    next_url = _safe_next(request)
    if verification.is_verified(request, submission) and request.method == "GET":
        return redirect(next_url)
    form = CodeForm()
    if request.method == "POST":
        if request.POST.get("action") == "send":
            outcome = verification.send_code(request, submission)
            (messages.success if outcome.ok else messages.error)(request, outcome.message)
            return redirect(verification.verification_url(submission, next_url))
        form = CodeForm(request.POST)
        if form.is_valid():
            outcome = verification.check_code(request, submission, form.cleaned_data["code"])
            if outcome.ok:
                return redirect(next_url)
            form.add_error("code", outcome.message)
    return render(
        request,
        "security/citizen_verify.html",
        {
            "submission": submission,
            "form": form,
            "next": next_url,
            "masked_address": verification.mask_email(submission.applicant_email)
            if submission.applicant_email
            else "",
            "code_sent": verification.has_pending_code(submission),
        },
    )
