"""The admin report: for one office and fiscal year, every item with what is wrong with it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from disclosure.constants import Problem
from disclosure.permissions import offices_for
from disclosure.report import report as checklist_report
from national.figures import FiscalYear

ACTIONS = ["view", "change"]


def may_see_report(user) -> bool:
    return offices_for(user, ACTIONS).exists()


def report(request):
    offices = list(offices_for(request.user, ACTIONS).select_related("site"))
    if not offices:
        raise PermissionDenied
    chosen = request.GET.get("office")
    office = next((o for o in offices if str(o.pk) == chosen), None) if chosen else offices[0]
    if office is None:
        raise Http404
    current = FiscalYear.of(timezone.localdate()).number
    text = request.GET.get("year") or str(current)
    if not text.isdigit() or not 2560 <= int(text) <= current + 1:
        raise Http404
    year = int(text)
    rows = checklist_report(office, year)
    counts = {
        kind: sum(1 for row in rows if any(f.kind == kind for f in row.findings)) for kind in Problem.values
    }
    return TemplateResponse(
        request,
        "disclosure/admin_report.html",
        {
            "offices": offices,
            "office": office,
            "year": year,
            "years": list(range(current + 1, current - 5, -1)),
            "rows": rows,
            "counts": [(Problem(kind).label, counts[kind]) for kind in Problem.values],
            "ok_count": sum(1 for row in rows if row.ok),
        },
    )
