"""The officer's page of a report in the admin: its photos and place, hiding it from the board with a
reason, and answering in public. Who may open it is casework's rule (`Submission.objects.visible_to`,
with the category's division added by `problems.hooks`); anyone else is refused as for a missing one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from casework.models import Submission
from casework.workflow import WorkflowError
from privacy.audit import record_access
from privacy.models import AccessLog
from problems import overdue, services
from problems import workflow as report_workflow
from problems.forms import AnswerForm, CloseForm, HideForm
from problems.models import ProblemPhoto, ProblemReport, SealedContact


def _visible(request, pk):
    visible = Submission.objects.visible_to(request.user).values("pk")
    report = (
        ProblemReport.objects.filter(pk=pk, submission__in=visible)
        .select_related("category", "submission", "hidden_by")
        .first()
    )
    if report is None:
        raise PermissionDenied
    return report


def may_open_contact(user, report) -> bool:
    """A sensitive report's sealed contact: only for its category's identity group."""
    group = report.category.identity_group_id
    return bool(group) and user.groups.filter(pk=group).exists()


def _page(request, report, *, hide_form=None, answer_form=None, close_form=None, contact=None, status=200):
    sealed = report.category.sensitive
    context = {
        "close_form": close_form or CloseForm(),
        "can_close": report.submission.status
        in report_workflow.RULES[report_workflow.ReportAction.CLOSE].sources,
        "sealed": sealed,
        "has_sealed_contact": sealed and SealedContact.objects.filter(report=report).exists(),
        "may_open_contact": sealed and may_open_contact(request.user, report),
        "contact": contact,
        "report": report,
        "late": overdue.lateness(report),
        "photos": list(report.photos.all()),
        "answers": list(report.answers.select_related("author")),
        "hide_form": hide_form or HideForm(),
        "answer_form": answer_form or AnswerForm(),
        "inbox_url": reverse("inbox:detail", args=[report.submission_id]),
    }
    return TemplateResponse(request, "problems/admin/manage.html", context, status=status)


@never_cache
def manage(request, pk):
    return _page(request, _visible(request, pk))


@never_cache
def staff_photo(request, pk, photo_id):
    report = _visible(request, pk)
    record = ProblemPhoto.objects.filter(pk=photo_id, report=report).first()
    if record is None:
        raise PermissionDenied
    response = FileResponse(record.file.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def hide(request, pk):
    report = _visible(request, pk)
    form = HideForm(request.POST)
    if not form.is_valid():
        return _page(request, report, hide_form=form, status=400)
    services.set_hidden(report, hidden=True, actor=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("The report is hidden from the public board."))
    return redirect("problems_admin:manage", pk=report.pk)


@require_POST
def show(request, pk):
    report = _visible(request, pk)
    services.set_hidden(report, hidden=False, actor=request.user)
    messages.success(request, _("The report is on the public board again."))
    return redirect("problems_admin:manage", pk=report.pk)


@require_POST
def answer(request, pk):
    report = _visible(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _page(request, report, answer_form=form, status=400)
    services.answer_in_public(report, actor=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("Your answer is on the public board."))
    return HttpResponseRedirect(reverse("problems_admin:manage", args=[report.pk]))


@require_POST
def close(request, pk):
    report = _visible(request, pk)
    form = CloseForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, report, close_form=form, status=400)
    try:
        report_workflow.act(
            report,
            report_workflow.ReportAction.CLOSE,
            actor=request.user,
            text=form.cleaned_data["text"],
            photo=form.cleaned_data["photo"],
        )
    except WorkflowError as error:
        form.add_error(None, str(error.message))
        return _page(request, report, close_form=form, status=400)
    messages.success(request, _("The case is closed as fixed; the reporter can say whether it is."))
    return redirect("problems_admin:manage", pk=report.pk)


@require_POST
@never_cache
def open_contact(request, pk):
    """Show a sensitive report's sealed contact to its identity group, and log that it was opened."""
    report = _visible(request, pk)
    contact = SealedContact.objects.filter(report=report).first()
    if not report.category.sensitive or contact is None or not may_open_contact(request.user, report):
        raise PermissionDenied
    record_access(
        request, AccessLog.Action.VIEW, report.submission, detail="sealed contact of a sensitive report"
    )
    return _page(request, report, contact=contact)
