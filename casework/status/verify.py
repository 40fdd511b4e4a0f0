"""The page where a citizen asks for a one-time code for a request and types it in (the codes
themselves, their limits and devices are security.citizen_verification's)."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from casework.models import Submission
from casework.references import parse_reference
from offices.lookup import office_for_request
from security import citizen_verification as verification
from security.redirects import safe_next

PRETEND_SENT = "citizen_code_pretend_sent"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the email"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )


def verify(request, reference):
    """Send and check the code. A well-formed reference that names no request gets the same page and
    the same answers (nothing is sent), so the page does not tell which references exist."""
    if parse_reference(reference) is None:
        raise Http404
    submission = Submission.objects.by_reference(reference, office=office_for_request(request))
    next_url = safe_next(request, "/")
    if submission is not None and verification.is_verified(request, submission) and request.method == "GET":
        return redirect(next_url)
    form = CodeForm()
    if request.method == "POST":
        if request.POST.get("action") == "send":
            if submission is None:
                messages.success(request, verification.SENT_MESSAGE)
                request.session[PRETEND_SENT] = reference
            else:
                outcome = verification.send_code(request, submission)
                (messages.success if outcome.ok else messages.error)(request, outcome.message)
            return redirect(verification.verification_url(reference, next_url))
        form = CodeForm(request.POST)
        if form.is_valid():
            if submission is None:
                form.add_error("code", verification.WRONG_MESSAGE)
            else:
                outcome = verification.check_code(request, submission, form.cleaned_data["code"])
                if outcome.ok:
                    return redirect(next_url)
                form.add_error("code", outcome.message)
    code_sent = (
        verification.has_pending_code(submission)
        if submission is not None
        else request.session.get(PRETEND_SENT) == reference
    )
    return render(
        request,
        "security/citizen_verify.html",
        {"reference": reference.upper(), "form": form, "next": next_url, "code_sent": code_sent},
    )
