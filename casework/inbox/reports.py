"""Admin views of the monthly report (HTML with an SVG chart, and CSV)."""

import csv

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from casework import reports
from casework.inbox.filters import services_for
from casework.inbox.views import inbox_user_required, safe_cell
from casework.models import Submission
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
        "casework/inbox/report.html",
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
            "csv_url": f"{reverse('inbox:report')}?{query.urlencode()}",
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
