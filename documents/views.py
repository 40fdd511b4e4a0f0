"""Thin views: the public verification page, the citizen's download, and the officers' preview,
download and state change (every staff view starts from `Submission.objects.visible_to`)."""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from casework.access import can_use_inbox
from casework.models import Submission
from casework.workflow import WorkflowError
from documents import render, renewals, services
from documents.constants import EXPIRED, EXPIRED_LABEL, DocumentState
from documents.models import IssuedDocument
from eforms.storage import UNAVAILABLE_MESSAGE, StorageUnavailable
from offices.lookup import office_for_request
from privacy.audit import record_access
from privacy.models import AccessLog
from security import limits
from security.citizen_verification import is_verified
from security.middleware import staff_view

#: Per client address: enough for a market inspector scanning a street of shops, too few to try codes.
VERIFY_RATE = "60/h"
CODE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _pdf(content, name):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


# Public -----------------------------------------------------------------------------------------------------
@never_cache
def verify(request, code):
    """Whether a document is genuine and in force. Unknown and malformed codes get the same 404 page;
    every look-up counts towards the client's limit."""
    if limits.exceeded(request, "documents-verify", per_address=VERIFY_RATE):
        return TemplateResponse(request, "documents/verify_limited.html", {}, status=429)
    document = None
    if CODE.match(code or ""):
        document = (
            IssuedDocument.objects.select_related("submission__office__site")
            .filter(verification_code=code, office=office_for_request(request))
            .first()
        )
    if document is None:
        return TemplateResponse(request, "documents/verify_not_found.html", {}, status=404)
    language = translation.get_language()
    status = document.status(timezone.localdate())
    context = render.context(document, language, preview=True)  # no QR on the page itself
    context.update(
        status=status,
        status_label=EXPIRED_LABEL if status == EXPIRED else DocumentState(status).label,
        in_force=status == DocumentState.VALID,
    )
    return TemplateResponse(request, "documents/verify.html", context)


@never_cache
def download(request, reference):
    """The citizen's document, after the one-time code; anything else answers as the status page does."""
    submission = Submission.objects.by_reference(reference, office=office_for_request(request))
    if submission is None or not is_verified(request, submission):
        return redirect("status:lookup")
    document = IssuedDocument.objects.filter(submission=submission).first()
    if document is None:
        return redirect("status:detail", submission.reference)
    return _pdf(render.render_pdf(document), render.filename(document))


@never_cache
def renew(request, reference):
    """Renew the document this request got: only in a session that proved the request's contact with
    the one-time code (the holder's); the form of the renewal service then opens filled in."""
    submission = Submission.objects.by_reference(reference, office=office_for_request(request))
    if submission is None or not is_verified(request, submission):
        return redirect("status:lookup")
    document = IssuedDocument.objects.filter(submission=submission).select_related("submission").first()
    if document is None:
        return redirect("status:detail", submission.reference)
    decision = renewals.decide(document, timezone.localdate())
    if request.method == "POST" and decision.allowed:
        try:
            return HttpResponseRedirect(renewals.start(request, document, decision))
        except StorageUnavailable:
            context = {"message": UNAVAILABLE_MESSAGE, "retry_url": request.get_full_path()}
            return TemplateResponse(request, "eforms/storage_unavailable.html", context, status=503)
    language = translation.get_language()
    link = decision.link
    context = {
        "submission": submission,
        "document": document,
        "title": (document.title_en if language == "en" else "") or document.title_th,
        "decision": decision,
        "service": renewals.renewal_page(link, language) if link else None,
        "surcharge": renewals.percent_text(link.late_surcharge_percent)
        if decision.late and link.late_surcharge_percent
        else "",
    }
    status = 409 if request.method == "POST" and not decision.allowed else 200
    return TemplateResponse(request, "documents/renew.html", context, status=status)


# Staff ------------------------------------------------------------------------------------------------------
def _visible_submission(request, pk):
    if not can_use_inbox(request.user):
        raise PermissionDenied
    submission = (
        Submission.objects.visible_to(request.user).select_related("office", "service").filter(pk=pk).first()
    )
    if submission is None:
        raise PermissionDenied  # missing and forbidden look the same
    return submission


def _visible_document(request, pk):
    if not can_use_inbox(request.user):
        raise PermissionDenied
    visible = Submission.objects.visible_to(request.user).values("pk")
    document = (
        IssuedDocument.objects.filter(pk=pk, submission__in=visible).select_related("submission").first()
    )
    if document is None:
        raise PermissionDenied
    return document


@staff_view
@never_cache
def preview(request, pk):
    """The document approval would issue, marked as a preview, without a number or QR code."""
    submission = _visible_submission(request, pk)
    link = services.link_for(submission)
    if link is None:
        raise Http404  # the service issues no document
    back = HttpResponseRedirect(reverse("inbox:detail", args=[submission.pk]))
    try:
        document = services.draft(submission, link, now=timezone.now())
    except WorkflowError as error:
        messages.error(request, str(error.message))
        return back
    record_access(request, AccessLog.Action.DOWNLOAD, submission, "document preview")
    return _pdf(render.render_pdf(document, preview=True), render.filename(document))


@staff_view
@never_cache
def staff_pdf(request, pk):
    document = _visible_document(request, pk)
    record_access(request, AccessLog.Action.DOWNLOAD, document)
    return _pdf(render.render_pdf(document), render.filename(document))


@staff_view
@require_POST
@never_cache
def change_state(request, pk):
    document = _visible_document(request, pk)
    try:
        changed = services.change_state(
            document,
            request.POST.get("action", ""),
            actor=request.user,
            reason=request.POST.get("reason", "")[:2000],
            request=request,
        )
    except WorkflowError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, f"{changed}: {changed.get_state_display()}")
    return HttpResponseRedirect(reverse("inbox:detail", args=[document.submission_id]))
