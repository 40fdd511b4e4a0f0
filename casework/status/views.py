"""The citizen's status page. Thin views: the rules are in casework.workflow and casework.satisfaction;
proving the email address is security.citizen_verification's job."""

from django.contrib import messages
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from casework import deadlines, extensions, filing, satisfaction, timeline, workflow
from casework.constants import SubmissionStatus
from casework.models import Submission
from casework.notices import RATING_SALT, rating_token
from casework.status.forms import LookupForm, ReplyForm, SurveyForm, WithdrawForm
from eforms.storage import UNAVAILABLE_MESSAGE, StorageUnavailable
from offices.lookup import office_for_request
from security import limits
from security.citizen_verification import is_verified, verification_url

# Per reference: protects one request's email from being guessed. Per address: only slows a scan of
# references, so high enough for a village behind one address (docs/security.md).
LOOKUP_RATE_PER_REFERENCE = "10/h"
LOOKUP_RATE = "60/h"


RATING_LINK_DAYS = 180


def _render(request, template, context, status=200):
    response = TemplateResponse(request, f"casework/status/{template}.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _posted(request):
    """The POST data, or None on GET: an empty POST is a submitted (and invalid) form, not a new one."""
    return request.POST if request.method == "POST" else None


def _verified_submission(request, reference):
    office = office_for_request(request)
    submission = Submission.objects.select_related("service").by_reference(reference, office=office)
    if submission is None or not is_verified(request, submission):
        return None
    return submission


@never_cache
def lookup(request):
    """Reference and email: if both match one request, the one-time code page; never says which was wrong."""
    # A link from an acknowledgement or a confirmation page brings the reference along.
    initial = {"reference": request.GET.get("reference", "")[:30]} if request.method == "GET" else None
    form = LookupForm(_posted(request), initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        # A reference names a request only within this site's office: another office's request with
        # the same number is "not found", and is counted apart from it.
        office = office_for_request(request)
        if limits.exceeded(
            request,
            "eforms-status",
            per_address=LOOKUP_RATE,
            value=f"{office.pk if office else '-'}:{form.cleaned_data['reference']}",
            per_value=LOOKUP_RATE_PER_REFERENCE,
        ):
            form.add_error(None, _("Too many tries from your connection. Please try again in an hour."))
            status = 429
        else:
            submission = Submission.objects.filter(
                office=office,
                reference__iexact=form.cleaned_data["reference"],
                applicant_email__iexact=form.cleaned_data["email"],
            ).first()
            if submission is not None:
                target = reverse("status:detail", args=[submission.reference])
                if is_verified(request, submission):
                    return redirect(target)
                return redirect(verification_url(submission, target))
            form.add_error(
                None,
                _(
                    "We found no request with this reference number and email address. "
                    "Check both against the email we sent you."
                ),
            )
            status = 400
    return _render(
        request,
        "lookup",
        {"form": form, "error_summary": form.error_summary() if form.is_bound else []},
        status=status,
    )


@never_cache
def detail(request, reference):
    submission = _verified_submission(request, reference)
    if submission is None:
        return redirect("status:lookup")
    reply_form = None
    status = 200
    if submission.status == SubmissionStatus.WAITING:
        reply_form = ReplyForm(_posted(request), request.FILES or None)
        if request.method == "POST" and reply_form.is_valid():
            try:
                workflow.transition(
                    submission,
                    workflow.Action.CITIZEN_REPLY,
                    reason=reply_form.cleaned_data["message"],
                    files=reply_form.cleaned_data["files"],
                    citizen_name=submission.applicant_name,
                )
            except workflow.WorkflowError as error:
                messages.error(request, str(error.message))
            except StorageUnavailable:
                # Nothing of the reply was kept: the form again, with what was typed.
                reply_form.add_error(None, UNAVAILABLE_MESSAGE)
                status = 503
            else:
                messages.success(
                    request, _("Thank you: we have received your reply and continue with your request.")
                )
            if status != 503:
                return redirect("status:detail", submission.reference)
        elif request.method == "POST":
            status = 400
    elif request.method == "POST":
        messages.error(request, _("This request is not waiting for a reply from you."))
        return redirect("status:detail", submission.reference)
    can_rate = satisfaction.can_rate(submission)
    context = {
        "submission": submission,
        "events": timeline.for_citizen(submission),
        "due_state": deadlines.due_state(submission),
        "payment": extensions.summaries(submission).get("payment"),
        "reply_form": reply_form,
        "question": information_request(submission) if reply_form is not None else None,
        "error_summary": reply_form.error_summary() if reply_form is not None and reply_form.is_bound else [],
        "can_withdraw": any(
            t.action == workflow.Action.WITHDRAW for t in workflow.available(submission, by=workflow.CITIZEN)
        ),
        "rating_url": reverse("status:rate", args=[rating_token(submission)]) if can_rate else "",
        "rating": getattr(submission, "rating", None) if satisfaction.is_decided(submission) else None,
        "downloads": extensions.downloads(submission),
        "actions": extensions.citizen_actions(submission),
    }
    return _render(request, "detail", context, status=status)


def pdf_response(content: bytes, name: str) -> HttpResponse:
    """A PDF for the citizen who proved the request's email: never cached anywhere."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
def proof_of_filing(request, reference):
    """The proof of filing, in the request's language. Another office's, another citizen's or a
    missing request: the look-up, exactly as for the status page."""
    submission = _verified_submission(request, reference)
    if submission is None:
        return redirect("status:lookup")
    return pdf_response(filing.render_pdf(submission), filing.filename(submission))


def information_request(submission):
    """The officer's latest request for information: shown right above the citizen's reply box."""
    return (
        submission.events.filter(visible_to_citizen=True, to_status=SubmissionStatus.WAITING)
        .exclude(message="")
        .order_by("-at", "-pk")
        .first()
    )


@never_cache
def withdraw(request, reference):
    submission = _verified_submission(request, reference)
    if submission is None:
        return redirect("status:lookup")
    form = WithdrawForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            workflow.transition(
                submission,
                workflow.Action.WITHDRAW,
                reason=form.cleaned_data["reason"],
                citizen_name=submission.applicant_name,
            )
        except workflow.WorkflowError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your request has been withdrawn."))
        return redirect("status:detail", submission.reference)
    return _render(
        request, "withdraw", {"submission": submission, "form": form}, status=400 if form.errors else 200
    )


@never_cache
def rate(request, token):
    """The survey: the link in the decision's and the "completed" email, and on the status page once
    the request is decided. One answer per request."""
    try:
        data = signing.loads(token, salt=RATING_SALT, max_age=RATING_LINK_DAYS * 86400)
        submission = Submission.objects.get(
            pk=data["s"], reference=data["r"], office=office_for_request(request)
        )
    except (signing.BadSignature, KeyError, TypeError, Submission.DoesNotExist):
        return _render(request, "rate_invalid", {}, status=400)
    if not satisfaction.can_rate(submission):
        done = satisfaction.is_decided(submission)
        return _render(request, "rate_done", {"submission": submission, "already": done})
    form = SurveyForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            satisfaction.rate(submission, form.answers(), form.cleaned_data["comment"])
        except workflow.WorkflowError as error:
            form.add_error(None, str(error.message))
        else:
            return _render(request, "rate_done", {"submission": submission, "thanks": True})
    return _render(
        request,
        "rate",
        {
            "submission": submission,
            "form": form,
            "error_summary": form.error_summary() if form.is_bound else [],
        },
        status=400 if form.errors else 200,
    )
