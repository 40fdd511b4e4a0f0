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
from problems import services
from problems.forms import AnswerForm, HideForm
from problems.models import ProblemPhoto, ProblemReport


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


def _page(request, report, *, hide_form=None, answer_form=None, status=200):
    context = {
        "report": report,
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
