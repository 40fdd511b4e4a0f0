"""The satisfaction survey in the admin: the counter's tablet (`/admin/inbox/survey/`) and the
before/after comparison of two periods (`/admin/inbox/survey/compare/`). The rules are
`casework.satisfaction`'s; these views only choose the office and the request.

The tablet: the officer types the request's reference (or chooses an anonymous answer), then hands the
tablet to the citizen, who sees only the reference and the service's name — never a name, an email or
the form's answers — and answers the five questions. The next citizen starts again from the officer's
step. Office-scoped: the office of the site the admin is open on, for its own staff only.
"""

import csv
import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from casework import satisfaction
from casework.access import handles_all
from casework.constants import SurveySource
from casework.inbox.filters import services_for
from casework.inbox.views import inbox_user_required, safe_cell
from casework.models import Submission
from casework.status.forms import SurveyForm
from casework.workflow import WorkflowError
from home.site_pages import in_trees, root_paths
from offices.lookup import office_for_request
from offices.scope import administered_offices, offices_of

SESSION_KEY = "casework_counter_survey"
SMALL = 5  # as the public statistics: fewer answers than this show no figure


def _office(request, administrators_only=False):
    """The office of the site the admin is open on, if `request.user` works for it (or is a platform
    administrator); otherwise "no permission". `administrators_only`: its administrators only."""
    office = office_for_request(request)
    if office is None:
        raise PermissionDenied
    user = request.user
    if handles_all(user) or administered_offices(user).filter(pk=office.pk).exists():
        return office
    if administrators_only:
        raise PermissionDenied
    # Its staff: a member of one of its groups, or an officer of one of its own services.
    if offices_of(user).filter(pk=office.pk).exists():
        return office
    if services_for(user).filter(in_trees(root_paths(office.site))).exists():
        return office
    raise PermissionDenied


class StartForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference of the request (optional)"),
        required=False,
        max_length=30,
        help_text=_("Leave it empty for an answer that is not about one request."),
    )

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.office = office
        self.fields["reference"].widget.attrs.update({"autocapitalize": "characters", "spellcheck": "false"})

    def clean_reference(self):
        text = "".join(self.cleaned_data["reference"].split()).upper()
        if not text:
            return None
        submission = Submission.objects.by_reference(text, office=self.office)
        if submission is None:
            raise forms.ValidationError(_("This office has no request with this reference."))
        if not satisfaction.is_decided(submission):
            raise forms.ValidationError(_("The office has not decided on this request yet."))
        if not satisfaction.can_rate(submission):
            raise forms.ValidationError(_("This request has already been rated. Thank you!"))
        return submission


def _render(request, template, context, status=200):
    response = TemplateResponse(request, f"casework/inbox/{template}.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@inbox_user_required
def counter_start(request):
    """The officer's step: which request the next answer is about, or none."""
    office = _office(request)
    form = StartForm(request.POST if request.method == "POST" else None, office=office)
    if request.method == "POST" and form.is_valid():
        submission = form.cleaned_data["reference"]
        request.session[SESSION_KEY] = {
            "office": office.pk,
            "submission": submission.pk if submission else None,
            "officer": request.user.pk,
        }
        return redirect("inbox:survey_answer")
    return _render(request, "survey_start", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@inbox_user_required
def counter_answer(request):
    """The citizen's step on the tablet: the five questions."""
    office = _office(request)
    chosen = request.session.get(SESSION_KEY) or {}
    if chosen.get("office") != office.pk or chosen.get("officer") != request.user.pk:
        return redirect("inbox:survey")
    submission = None
    if chosen.get("submission"):
        submission = Submission.objects.filter(office=office, pk=chosen["submission"]).first()
        if submission is None:
            return redirect("inbox:survey")
    form = SurveyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if submission is None:
                satisfaction.rate_anonymously(office, form.answers(), form.cleaned_data["comment"])
            else:
                satisfaction.rate(
                    submission, form.answers(), form.cleaned_data["comment"], source=SurveySource.COUNTER
                )
        except WorkflowError as error:
            form.add_error(None, str(error.message))
        else:
            request.session.pop(SESSION_KEY, None)
            return redirect("inbox:survey_done")  # a reload does not send the answers again
    return _render(
        request,
        "survey_answer",
        {
            "form": form,
            "submission": submission,
            "error_summary": form.error_summary() if form.is_bound else [],
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET"])
@inbox_user_required
def counter_done(request):
    """Thanks, and the officer's way back to the first step for the next citizen."""
    _office(request)
    return _render(request, "survey_done", {})


# Before and after ------------------------------------------------------------------------------------
class PeriodsForm(forms.Form):
    before_from = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    before_to = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    after_from = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    after_to = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        for period in ("before", "after"):
            first, last = data.get(f"{period}_from"), data.get(f"{period}_to")
            if first and last and first > last:
                self.add_error(f"{period}_to", _("The end of a period cannot be before its start."))
        return data


def default_periods(today: datetime.date) -> dict:
    """The last fiscal year (1 October to 30 September) and this one up to today: what an office
    usually compares first."""
    start = datetime.date(today.year if today.month >= 10 else today.year - 1, 10, 1)
    return {
        "before_from": start.replace(year=start.year - 1),
        "before_to": start - datetime.timedelta(days=1),
        "after_from": start,
        "after_to": today,
    }


def shown(figure):
    """A question's figures as the small-count rule lets them be seen: (answers, mean, share %) with
    None for what is hidden; the count itself is None (shown as "fewer than 5") under `SMALL`, 0 stays."""
    enough = figure.answers >= SMALL
    answers = figure.answers if enough or figure.answers == 0 else None
    mean = round(figure.mean, 2) if enough else None
    share = round(figure.satisfied_share * 100, 1) if enough else None
    return answers, mean, share


@require_http_methods(["GET"])
@inbox_user_required
def compare(request):
    """The office's administrators compare two periods they pick: per question, the mean and the share
    satisfied (4 or 5), with the number of answers."""
    office = _office(request, administrators_only=True)
    form = PeriodsForm(request.GET if "before_from" in request.GET else default_periods(timezone.localdate()))
    rows, totals, csv_query = [], None, ""
    if form.is_valid():
        data = form.cleaned_data
        result = satisfaction.compare(
            office, (data["before_from"], data["before_to"]), (data["after_from"], data["after_to"])
        )
        rows = [(before.label, shown(before), shown(after)) for before, after in result.rows()]
        totals = tuple(
            summary.answers if summary.answers >= SMALL or summary.answers == 0 else None
            for summary in (result.before, result.after)
        )
        if request.GET.get("format") == "csv":
            return _comparison_csv(data, rows, totals)
        csv_query = urlencode({**{k: v.isoformat() for k, v in data.items()}, "format": "csv"})
    return _render(
        request,
        "survey_compare",
        {"form": form, "rows": rows, "totals": totals, "small": SMALL, "csv_query": csv_query},
        status=400 if form.errors else 200,
    )


def _comparison_csv(periods, rows, totals):
    """The comparison as the page shows it (hidden small counts stay hidden), for a spreadsheet."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"satisfaction-{periods['before_from']}-{periods['after_to']}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # Excel reads Thai as UTF-8 only with the byte-order mark
    writer = csv.writer(response)
    fewer = _("fewer than %(small)s") % {"small": SMALL}
    before = f"{periods['before_from']} – {periods['before_to']}"
    after = f"{periods['after_from']} – {periods['after_to']}"
    headings = (_("Answers"), _("Mean"), _("Satisfied (%)"))
    writer.writerow(
        [_("Question"), *(f"{h} {before}" for h in headings), *(f"{h} {after}" for h in headings)]
    )
    for label, *periods_figures in rows:
        line = [safe_cell(str(label))]
        for answers, mean, share in periods_figures:
            line += [
                fewer if answers is None else answers,
                "" if mean is None else mean,
                "" if share is None else share,
            ]
        writer.writerow(line)
    last = [_("Every answer")]
    for total in totals:
        last += [fewer if total is None else total, "", ""]
    writer.writerow(last)
    return response
