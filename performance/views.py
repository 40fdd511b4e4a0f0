"""`/th/statistics/`: the office's service statistics of a Thai fiscal year, as a page, CSV and JSON."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from casework.constants import Channel
from eforms.models import EServicePage
from home.dates import ENGLISH_MONTHS, THAI_MONTHS, THAI_MONTHS_SHORT, buddhist_year
from home.models import OrganisationSettings
from national.figures import FiscalYear
from offices.lookup import office_for_request
from performance import charts, snapshots
from performance.figures import SMALL, count, fewer_than_small, question_shown, shown

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

#: The other tables of the page, as CSV (`?format=csv&table=…`): their columns.
TABLES = {
    "services": CSV_COLUMNS,
    "months": ["month", "received", "decided"],
    "service_months": ["service", "month", "received", "decided"],
    "channels": ["channel", "received"],
    "survey": ["question", "answers", "mean_1_to_5", "satisfied_percent"],
}


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


def _short_month(day) -> tuple:
    """A chart's label: the short month, and under October and January the year (B.E. in Thai)."""
    english = get_language() == "en"
    name = ENGLISH_MONTHS[day.month - 1][:3] if english else THAI_MONTHS_SHORT[day.month - 1]
    if day.month in (10, 1):
        return (name, str(day.year if english else buddhist_year(day.year)))
    return (name,)


def _charts(year, figures, months, channels, survey, target, total) -> dict:
    """The page's three charts (SVG markup built from numbers and escaped labels only)."""
    fiscal = year.number - 543 if get_language() == "en" else year.number
    by_month = charts.columns(
        [_short_month(month.month) for month in figures.months],
        [[received for _label, received, _decided in months], [decided for _label, _r, decided in months]],
        title=_("Requests received and decided per month, fiscal year %(year)s") % {"year": fiscal},
        desc=_("Bar chart. The same figures are in the table “Requests by month”."),
        series_labels=[_("Received"), _("Requests decided")],
        name="months",
    )
    by_channel = charts.bars(
        channels,
        title=_("Requests by way of sending, fiscal year %(year)s") % {"year": fiscal},
        desc=_("Bar chart. The same figures are in the table “Requests by way of sending”."),
        name="channels",
    )
    satisfied = charts.bars(
        [
            (question.label, "–" if question.answers == 0 else question.satisfied_percent)
            for question in survey
        ],
        title=_("Share of answers satisfied (4 or 5 of 5) per question, fiscal year %(year)s")
        % {"year": fiscal},
        desc=_(
            "Bar chart with the office's target as a dashed line. The same figures are in the table “Satisfaction survey”."
        ),
        unit=" %",
        maximum=100,
        target=target,
        target_label=_("target %(target)s %%") % {"target": target},
        name="survey",
    )
    return {"months": mark_safe(by_month), "channels": mark_safe(by_channel), "survey": mark_safe(satisfied)}


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
    figures, computed_at = snapshots.figures_for(office, year)
    target = OrganisationSettings.for_request(request).satisfaction_target
    english = get_language() == "en"
    titles = _english_titles(office) if english else {}
    rows = [shown(row, target, titles.get(row.title, row.title)) for row in figures.services]
    total = shown(figures.total, target, "")
    chosen = request.GET.get("format")
    survey = [question_shown(question) for question in figures.survey.questions]
    if chosen == "csv":
        table = request.GET.get("table", "services")
        if table not in TABLES:
            raise Http404
        return _csv(year, table, rows, total, figures, survey)
    if chosen == "json":
        return _json(year, office, rows, total, figures, survey, computed_at)
    months = [(_month(month.month), count(month.received), count(month.decided)) for month in figures.months]
    channels = [(label, count(figures.channels.get(value, 0))) for value, label in Channel.choices]
    month_names = [_short_month(month.month) for month in figures.months]
    service_months = [
        (row.title, [count(month.received) for month in figures.service_months[source.title]])
        for row, source in zip(rows, figures.services, strict=True)
        if source.title in figures.service_months
    ]
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
            "month_names": month_names,
            "service_months": service_months,
            "survey": survey,
            "survey_answers": count(figures.survey.answers),
            "charts": _charts(year, figures, months, channels, survey, target, total),
            "open_now": count(figures.open_now),
            "overdue_now": count(figures.overdue_now),
            "computed_at": computed_at,
            "target": target,
            "small": SMALL,
            "fewer": fewer_than_small(),
            "licence": LICENCE,
        },
    )


def _csv(year, table, rows, total, figures, survey):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    suffix = "" if table == "services" else f"-{table}"
    response["Content-Disposition"] = f'attachment; filename="service-statistics-{year.number}{suffix}.csv"'
    response.write("\ufeff")  # Excel reads Thai as UTF-8 only with the byte-order mark
    writer = csv.writer(response)
    if table != "services":
        writer.writerow(TABLES[table])
        writer.writerows(
            ["" if value is None else value for value in line] for line in _table_rows(table, figures, survey)
        )
        return response
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


def _table_rows(table, figures, survey):
    if table == "months":
        return [
            (month.month.strftime("%Y-%m"), count(month.received), count(month.decided))
            for month in figures.months
        ]
    if table == "service_months":
        return [
            (title, month.month.strftime("%Y-%m"), count(month.received), count(month.decided))
            for title, months in figures.service_months.items()
            for month in months
        ]
    if table == "channels":
        return [(value, count(figures.channels.get(value, 0))) for value in Channel.values]
    return [(q.name, q.answers, q.mean, q.satisfied_percent) for q in survey]


def _json(year, office, rows, total, figures, survey, computed_at):
    data = {
        "office": office.code,
        "fiscal_year_be": year.number,
        "from": year.first_day,
        "to": year.last_day,
        "licence": LICENCE,
        "computed_at": computed_at or timezone.now(),
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
        "survey": {
            "answers": count(figures.survey.answers),
            "satisfied_means": "an answer of 4 or 5 of 5",
            "questions": [
                {
                    "question": q.name,
                    "answers": q.answers,
                    "mean": q.mean,
                    "satisfied_percent": q.satisfied_percent,
                }
                for q in survey
            ],
        },
    }
    return HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
