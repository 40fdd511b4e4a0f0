"""The national overview page, and the same figures as CSV (one table per file) and JSON."""

import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from casework.inbox.views import safe_cell
from home.dates import ENGLISH_MONTHS, THAI_MONTHS_SHORT
from national.figures import FiscalYear, compute
from offices.models import Office
from offices.scope import is_platform_administrator

YEARS_SHOWN = 5
OFFICES_PER_PAGE = 100
CSV_TABLES = ("offices", "months", "services")


def _thai():
    return (get_language() or "th").startswith("th")


def _month_label(month):
    if _thai():
        return f"{THAI_MONTHS_SHORT[month.month - 1]} {month.year + 543}"
    return f"{ENGLISH_MONTHS[month.month - 1][:3]} {month.year}"


def _year_label(year: FiscalYear):
    number = year.number if _thai() else year.number - 543
    return _("Fiscal year %(year)s (%(start)s – %(end)s)") % {
        "year": number,
        "start": _month_label(year.first_day),
        "end": _month_label(year.last_day),
    }


def _percent(value):
    return None if value is None else round(value * 100, 1)


def _number(value):
    return None if value is None else round(value, 2)


def _chosen_year(request):
    current = FiscalYear.of(timezone.localdate())
    try:
        number = int(request.GET.get("year") or current.number)
    except ValueError:
        number = current.number
    if not current.number - YEARS_SHOWN < number <= current.number + 1:
        number = current.number
    return current, FiscalYear(number)


@never_cache
def overview(request):
    if not is_platform_administrator(request.user):
        raise PermissionDenied
    current, year = _chosen_year(request)
    office = None
    if request.GET.get("office"):
        office = Office.objects.select_related("site__root_page").filter(code=request.GET["office"]).first()
    figures = compute(year, office)
    chosen = request.GET.get("format")
    if chosen == "json":
        return _json(figures)
    if chosen == "csv":
        table = request.GET.get("table")
        return _csv(figures, table if table in CSV_TABLES else "services")
    query = {"year": year.number, **({"office": office.code} if office else {})}
    exports = {
        "json": _url({**query, "format": "json"}),
        **{table: _url({**query, "format": "csv", "table": table}) for table in CSV_TABLES},
    }
    page = Paginator(figures.office_rows, OFFICES_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "national/overview.html",
        {
            "figures": figures,
            "year_label": _year_label(year),
            "years": [
                (number, _year_label(FiscalYear(number)))
                for number in range(current.number, current.number - YEARS_SHOWN, -1)
            ],
            "offices_page": page,
            "page_query": "&".join(f"{k}={v}" for k, v in query.items()),
            "months": [(_month_label(row.month), row) for row in figures.months],
            "services": [_service_cells(row) for row in figures.services],
            "total": _service_cells(figures.total),
            "exports": exports,
            "thai": _thai(),
        },
    )


def _url(query):
    return reverse("national:overview") + "?" + "&".join(f"{k}={v}" for k, v in query.items())


def _service_cells(row):
    return {
        "title": row.title,
        "offices_offering": row.offices_offering,
        "offices_with_requests": row.offices_with_requests,
        "received": row.received,
        "decided": row.decided,
        "median_working_days": row.median_days,
        "within_legal_time_percent": _percent(row.within_share),
        "ratings": row.ratings,
        "mean_rating": _number(row.mean_score),
        "satisfied_percent": _percent(row.satisfied_share),
    }


def _office_cells(row):
    return {
        "code": row.code,
        "name_th": row.name_th,
        "name_en": row.name_en,
        "host": row.host,
        "services": row.services,
        "requests_this_month": row.requests_this_month,
        "requests_in_fiscal_year": row.requests_in_year,
    }


def _month_cells(row):
    return {"month": row.month.strftime("%Y-%m"), "received": row.received, "decided": row.decided}


def _json(figures):
    year = figures.year
    document = {
        "fiscal_year": year.number,
        "first_day": year.first_day.isoformat(),
        "last_day": year.last_day.isoformat(),
        "office": figures.office.code if figures.office else None,
        "offices": [_office_cells(row) for row in figures.office_rows],
        "months": [_month_cells(row) for row in figures.months],
        "services": [_service_cells(row) for row in figures.services],
        "total": {k: v for k, v in _service_cells(figures.total).items() if k != "title"},
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="national-{year.number}.json"'
    return response


CSV_HEADINGS = {
    "offices": lambda: [
        _("Code"),
        _("Name (Thai)"),
        _("Name (English)"),
        _("Host"),
        _("E-services"),
        _("Requests this month"),
        _("Requests in the fiscal year"),
    ],
    "months": lambda: [_("Month"), _("Received"), _("Requests decided")],
    "services": lambda: [
        _("Service"),
        _("Offices offering it"),
        _("Offices with requests"),
        _("Received"),
        _("Requests decided"),
        _("Median working days to the decision"),
        _("Decided within the legal time (%)"),
        _("Ratings"),
        _("Mean rating"),
        _("Satisfied, 4–5 (%)"),
    ],
}


def _csv(figures, table):
    rows = {
        "offices": [_office_cells(row) for row in figures.office_rows],
        "months": [_month_cells(row) for row in figures.months],
        "services": [_service_cells(row) for row in figures.services]
        + [{**_service_cells(figures.total), "title": _("All services")}],
    }[table]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"national-{figures.year.number}-{table}"
    if figures.office:
        name += f"-{figures.office.code}"
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_HEADINGS[table]())
    for row in rows:
        writer.writerow([safe_cell("" if value is None else value) for value in row.values()])
    return response
