"""`/th/statistics/`: the office's service statistics of a Thai fiscal year, as a page, CSV and JSON."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from casework.constants import Channel
from eforms.models import EServicePage
from home.dates import ENGLISH_MONTHS, THAI_MONTHS, buddhist_year
from home.models import OrganisationSettings
from national.figures import FiscalYear, for_office
from offices.lookup import office_for_request
from performance.figures import SMALL, count, fewer_than_small, shown

YEARS_SHOWN = 5
LICENCE = "CC BY 4.0"
CSV_COLUMNS = [
    "service",
    "received",
    "decided",
    "median_working_days",
    "percentile_90_working_days",
    "decided_within_legal_time_percent",
    "satisfaction_answers",
    "satisfied_percent",
    "satisfaction_target_percent",
]


def _year(request, current):
    """The fiscal year asked for (Buddhist Era), among the last few; None for anything else."""
    text = request.GET.get("year") or str(current.number)
    if not text.isdigit():
        return None
    number = int(text)
    if not current.number - YEARS_SHOWN < number <= current.number:
        return None
    return FiscalYear(number)


def _month(day) -> str:
    if get_language() == "en":
        return f"{ENGLISH_MONTHS[day.month - 1]} {day.year}"
    return f"{THAI_MONTHS[day.month - 1]} {buddhist_year(day.year)}"


def _english_titles(office) -> dict[str, str]:
    """{Thai title: English title} of the office's services (their English translations)."""
    thai = EServicePage.objects.filter(
        path__startswith=office.site.root_page.path, locale__language_code="th"
    ).values_list("translation_key", "title")
    by_key = dict(thai)
    english = EServicePage.objects.filter(
        translation_key__in=list(by_key), locale__language_code="en"
    ).values_list("translation_key", "title")
    return {by_key[key]: title for key, title in english}


@require_GET
def statistics(request):
    office = office_for_request(request)
    if office is None:
        raise Http404
    current = FiscalYear.of(timezone.localdate())
    year = _year(request, current)
    if year is None:
        raise Http404
    figures = for_office(year, office)
    target = OrganisationSettings.for_request(request).satisfaction_target
    english = get_language() == "en"
    titles = _english_titles(office) if english else {}
    rows = [shown(row, target, titles.get(row.title, row.title)) for row in figures.services]
    total = shown(figures.total, target, "")
    chosen = request.GET.get("format")
    if chosen == "csv":
        return _csv(year, rows, total)
    if chosen == "json":
        return _json(year, office, rows, total, figures)
    months = [(_month(month.month), count(month.received), count(month.decided)) for month in figures.months]
    channels = [(label, count(figures.channels.get(value, 0))) for value, label in Channel.choices]
    years = [FiscalYear(current.number - n) for n in range(YEARS_SHOWN)]
    return render(
        request,
        "performance/statistics.html",
        {
            "year": year,
            "years": years,
            "rows": rows,
            "total": total,
            "months": months,
            "channels": channels,
            "open_now": count(figures.open_now),
            "overdue_now": count(figures.overdue_now),
            "target": target,
            "small": SMALL,
            "fewer": fewer_than_small(),
            "licence": LICENCE,
        },
    )


def _csv(year, rows, total):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="service-statistics-{year.number}.csv"'
    response.write("\ufeff")  # Excel reads Thai as UTF-8 only with the byte-order mark
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in [*rows, total]:
        writer.writerow(
            [
                row.title or "ALL",
                *(
                    "" if value is None else value
                    for value in (
                        row.received,
                        row.decided,
                        row.median_days,
                        row.percentile_90_days,
                        row.within_percent,
                        row.ratings,
                        row.satisfied_percent,
                    )
                ),
                row.target,
            ]
        )
    return response


def _json(year, office, rows, total, figures):
    data = {
        "office": office.code,
        "fiscal_year_be": year.number,
        "from": year.first_day,
        "to": year.last_day,
        "licence": LICENCE,
        "small_counts": f"counts under {SMALL} and figures computed from fewer than {SMALL} are null",
        "services": [row.as_dict() for row in rows],
        "all_services": total.as_dict(),
        "months": [
            {
                "month": month.month.strftime("%Y-%m"),
                "received": count(month.received),
                "decided": count(month.decided),
            }
            for month in figures.months
        ],
        "channels": {value: count(figures.channels.get(value, 0)) for value in Channel.values},
        "open_now": count(figures.open_now),
        "overdue_now": count(figures.overdue_now),
    }
    return HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
