"""Admin views of the monthly report (HTML with an SVG chart, and CSV) and of the email outbox."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eforms import notifications, reports
from eforms.constants import NotificationState
from eforms.inbox.filters import handles_all, services_for
from eforms.inbox.views import inbox_user_required, safe_cell
from eforms.models import Notification, Submission
from home.dates import THAI_MONTHS_SHORT, buddhist_year

ENGLISH_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_labels():
    return THAI_MONTHS_SHORT if get_language() == "th" else ENGLISH_MONTHS_SHORT


def _year_label(year):
    return buddhist_year(year) if get_language() == "th" else year


def _percent(value):
    return "" if value is None else f"{value * 100:.0f}%"


@inbox_user_required
def report(request):
    services = list(services_for(request.user))
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year") or this_year)
    except ValueError:
        year = this_year
    if not 2000 <= year <= this_year + 1:
        year = this_year
    service = None
    if request.GET.get("service", "").isdigit():
        service = next((s for s in services if s.pk == int(request.GET["service"])), None)
    qs = Submission.objects.visible_to(request.user)
    if service:
        qs = qs.filter(service=service)
    rows = reports.monthly(qs, year)
    total = reports.totals(rows)
    labels = _month_labels()
    subject = service.title if service else _("All my services")
    if request.GET.get("format") == "csv":
        return _csv(rows, total, labels, subject, year)
    chart = reports.chart_svg(
        rows,
        labels=labels,
        title=_("Requests received and completed per month, %(year)s: %(service)s")
        % {"year": _year_label(year), "service": subject},
        received_label=_("Received"),
        completed_label=_("Completed"),
    )
    query = request.GET.copy()
    query["format"] = "csv"
    return TemplateResponse(
        request,
        "eforms/inbox/report.html",
        {
            "services": services,
            "service": service,
            "year": year,
            "year_label": _year_label(year),
            "years": [(y, _year_label(y)) for y in range(this_year - 4, this_year + 1)],
            "rows": [
                (labels[r.month.month - 1], r, _percent(r.within_share), _percent(r.satisfied_share))
                for r in rows
            ],
            "total": (total, _percent(total.within_share), _percent(total.satisfied_share)),
            "chart": mark_safe(chart),  # built from numbers and escaped labels only
            "csv_url": f"{reverse('eforms_inbox:report')}?{query.urlencode()}",
            "subject": subject,
        },
    )


def _csv(rows, total, labels, subject, year):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="report-{year}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([safe_cell(subject), year])
    writer.writerow(
        [
            _("Month"),
            _("Received"),
            _("Completed"),
            _("Median processing time (working days)"),
            _("Completed within the deadline"),
            _("Completed late"),
            _("Ratings"),
            _("Satisfied (4–5)"),
        ]
    )
    for row in [*rows, total]:
        writer.writerow(
            [
                row.month.strftime("%Y-%m") if row is not total else _("Total"),
                row.received,
                row.completed,
                "" if row.median_days is None else row.median_days,
                _percent(row.within_share),
                row.late,
                row.ratings,
                _percent(row.satisfied_share),
            ]
        )
    return response


def _administrator(request):
    if not handles_all(request.user):
        raise PermissionDenied


@inbox_user_required
def emails(request):
    """Emails that could not be sent (and those still trying), for administrators."""
    _administrator(request)
    failed = Notification.objects.filter(state=NotificationState.FAILED).select_related("submission")[:200]
    pending = Notification.objects.filter(state=NotificationState.PENDING, attempts__gt=0).select_related(
        "submission"
    )[:200]
    return TemplateResponse(request, "eforms/inbox/emails.html", {"failed": failed, "pending": pending})


@require_POST
@inbox_user_required
def retry_email(request, pk):
    _administrator(request)
    note = get_object_or_404(Notification, pk=pk, state=NotificationState.FAILED)
    notifications.retry(note)
    messages.success(request, _("The email to %(to)s will be sent again.") % {"to": note.to})
    return HttpResponseRedirect(reverse("eforms_inbox:emails"))


def failed_email_count():
    return Notification.objects.filter(state=NotificationState.FAILED).count()
