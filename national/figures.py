"""The national overview's figures: every office, requests per month, and each service across offices.

Every figure is counted by the database and read back grouped (per office, per month, per service, per
number of working days), so the number of queries is the same for 2 offices or 7,850 and the rows read
back grow with offices and services, never with requests. Nothing personal is read: no names, emails,
answers, references or comments — only counts, dates turned into day counts, and scores.

What counts where (each figure by the date of its own event, as the monthly report does):

* received – requests submitted in the fiscal year (or this calendar month);
* decided – requests approved or rejected in the fiscal year (`decided_at`);
* median working days – over those decided, working days from the day of the request to the day of
  the decision (`casework.deadlines`' calendar), less the working days spent waiting for the citizen;
  the median of the requests themselves, not of the offices' medians;
* within the legal time – share of those decided on or before their deadline (the service's processing
  time, moved later while the office waited for the citizen);
* satisfaction – survey answers given in the fiscal year (`casework.satisfaction`): how many, the mean
  of the "overall" question, and the share of 4 or 5 there; answers on the counter's tablet that name
  no request count for their office's total only.

A service is told apart by the library's model service it was taken from (offices' copies count
together, whatever each office calls its own), else by the Thai title of its page (or the title the
request kept, once the page is gone): offices that give the same service the same title count together.
"""

import dataclasses
import datetime
import math

from django.db.models import Count, F, Func, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.utils import timezone

from casework import deadlines, satisfaction
from casework.models import SatisfactionRating, Submission
from eforms.models import EServicePage
from home.dates import buddhist_year
from home.models import OrganisationSettings
from national import working_days
from offices.models import Office


# The fiscal year ---------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class FiscalYear:
    """The Thai government's fiscal year, named in the Buddhist Era: FY 2570 is 1 October 2026 to
    30 September 2027."""

    number: int  # Buddhist Era

    @classmethod
    def of(cls, day: datetime.date) -> "FiscalYear":
        return cls(buddhist_year(day.year + 1 if day.month >= 10 else day.year))

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.number - 543 - 1, 10, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.number - 543, 9, 30)

    @property
    def months(self) -> list[datetime.date]:
        first = self.first_day
        return [
            datetime.date(first.year + (first.month + i - 1) // 12, (first.month + i - 1) % 12 + 1, 1)
            for i in range(12)
        ]

    def bounds(self):
        """[start, end) as aware datetimes in the site's time zone."""
        return _midnight(self.first_day), _midnight(self.last_day + datetime.timedelta(days=1))


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _month_bounds(day):
    first = day.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return _midnight(first), _midnight(following)


# Rows -------------------------------------------------------------------------------------------------
@dataclasses.dataclass
class OfficeRow:
    code: str
    name_th: str
    name_en: str
    host: str
    services: int
    requests_this_month: int = 0
    requests_in_year: int = 0


@dataclasses.dataclass
class MonthRow:
    month: datetime.date
    received: int = 0
    decided: int = 0


def _median(histogram: dict[int, int]) -> float | None:
    """The median of the values a histogram {value: how many} describes (the mean of the two middle
    values for an even count, as `statistics.median`)."""
    total = sum(histogram.values())
    if not total:
        return None
    wanted = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value in sorted(histogram):
        seen += histogram[value]
        while wanted and wanted[0] < seen:
            found.append(value)
            wanted.pop(0)
    return (found[0] + found[1]) / 2


def _percentile(histogram: dict[int, int], share: float) -> int | None:
    """The nearest-rank percentile of a histogram {value: how many}: the smallest value at or below
    which at least `share` of the counted values lie."""
    total = sum(histogram.values())
    if not total:
        return None
    rank, seen = math.ceil(share * total), 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return None


@dataclasses.dataclass
class ServiceRow:
    title: str
    offices_offering: int = 0  # offices with a live page of the service
    offices_with_requests: int = 0
    received: int = 0
    decided: int = 0
    within_legal_time: int = 0
    ratings: int = 0
    score_total: int = 0
    satisfied: int = 0
    days: dict = dataclasses.field(default_factory=dict)  # working days -> decided requests

    @property
    def median_days(self):
        return _median(self.days)

    @property
    def percentile_90_days(self):
        return _percentile(self.days, 0.9)

    @property
    def within_share(self):
        return self.within_legal_time / self.decided if self.decided else None

    @property
    def mean_score(self):
        return self.score_total / self.ratings if self.ratings else None

    @property
    def satisfied_share(self):
        return self.satisfied / self.ratings if self.ratings else None

    def add(self, other: "ServiceRow"):
        for name in ("received", "decided", "within_legal_time", "ratings", "score_total", "satisfied"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for days, count in other.days.items():
            self.days[days] = self.days.get(days, 0) + count


@dataclasses.dataclass
class Overview:
    year: FiscalYear
    office: Office | None  # the filter; None for every office
    offices: list[OfficeRow]  # every office (for the filter), see `office_rows` for the table
    months: list[MonthRow]
    services: list[ServiceRow]
    total: ServiceRow

    @property
    def office_rows(self):
        if self.office is None:
            return self.offices
        return [row for row in self.offices if row.code == self.office.code]


# Queries ------------------------------------------------------------------------------------------------
def service_key(prefix=""):
    """What tells a service apart across offices: the library's model service it was taken from (its
    Thai title, whatever each office renamed its copy), else its page's Thai title, else the title the
    request kept (the page was deleted). `prefix` reaches the submission from another model."""
    return Coalesce(
        F(f"{prefix}service__library_adoption__model_service__title_th"),
        F(f"{prefix}service__title"),
        F(f"{prefix}service_title"),
    )


def _offices():
    settings = OrganisationSettings.objects.filter(site=OuterRef("site"))
    services = (
        EServicePage.objects.filter(live=True, path__startswith=OuterRef("site__root_page__path"))
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count")
    )
    return (
        Office.objects.select_related("site")
        .annotate(
            name_th=Subquery(settings.values("name_th")[:1]),
            name_en=Subquery(settings.values("name_en")[:1]),
            services=Subquery(services),
        )
        .order_by("code")
    )


def _host(site):
    return site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"


def compute(year: FiscalYear, office: Office | None = None, today: datetime.date | None = None) -> Overview:
    today = today or timezone.localdate()
    start, end = year.bounds()
    month_start, month_end = _month_bounds(today)
    submissions = Submission.objects.order_by()
    ratings = SatisfactionRating.objects.order_by()
    pages = EServicePage.objects.filter(live=True, locale__language_code="th").order_by()
    if office is not None:
        submissions = submissions.filter(office=office)
        ratings = ratings.filter(office=office)
        pages = pages.filter(path__startswith=office.site.root_page.path)

    # Offices, with this month's and the year's requests.
    rows = {
        o.code: OfficeRow(o.code, o.name_th or "", o.name_en or "", _host(o.site), o.services or 0)
        for o in _offices()
    }
    this_month = Q(submitted_at__gte=month_start, submitted_at__lt=month_end)
    in_year = Q(submitted_at__gte=start, submitted_at__lt=end)
    for item in (
        Submission.objects.order_by()
        .filter(this_month | in_year)
        .values("office__code")
        .annotate(month=Count("pk", filter=this_month), year=Count("pk", filter=in_year))
    ):
        row = rows.get(item["office__code"])
        if row is not None:
            row.requests_this_month, row.requests_in_year = item["month"], item["year"]

    months = _months(submissions, year)
    page_key = Coalesce(F("library_adoption__model_service__title_th"), F("title"))
    services = _services(
        submissions,
        ratings,
        pages,
        year,
        deadlines.holidays(),
        service_key(),
        service_key("submission__"),
        page_key,
    )

    total = _total(services)
    shown = [r for r in rows.values() if office is None or r.code == office.code]
    total.offices_offering = sum(1 for r in shown if r.services)
    total.offices_with_requests = sum(1 for r in shown if r.requests_in_year)
    return Overview(
        year=year,
        office=office,
        offices=list(rows.values()),
        months=months,
        services=sorted(services.values(), key=lambda r: (-r.received, r.title)),
        total=total,
    )


def _total(services: dict) -> ServiceRow:
    """All services together. Survey answers given on the counter's tablet about no request (`None`)
    count here only, not as a service of their own."""
    unattached = services.pop(None, None)
    total = ServiceRow("")
    for row in services.values():
        total.add(row)
    if unattached is not None:
        total.add(unattached)
    return total


def _months(submissions, year) -> list[MonthRow]:
    """Requests received and decided in each month of the fiscal year."""
    start, end = year.bounds()
    months = {month: MonthRow(month) for month in year.months}
    for field, attribute in (("submitted_at", "received"), ("decided_at", "decided")):
        counted = (
            submissions.filter(**{f"{field}__gte": start, f"{field}__lt": end})
            .annotate(m=TruncMonth(field))
            .values("m")
            .annotate(n=Count("pk"))
        )
        for item in counted:
            month = (
                timezone.localtime(item["m"]).date()
                if isinstance(item["m"], datetime.datetime)
                else item["m"]
            )
            setattr(months[month.replace(day=1)], attribute, item["n"])
    return list(months.values())


def _months_by_service(submissions, year, key) -> dict[str, list[MonthRow]]:
    """`_months` for each service (told apart by `key`): two queries, whatever the number of services."""
    start, end = year.bounds()
    by_service: dict[str, dict] = {}
    for field, attribute in (("submitted_at", "received"), ("decided_at", "decided")):
        counted = (
            submissions.filter(**{f"{field}__gte": start, f"{field}__lt": end})
            .annotate(m=TruncMonth(field), s=key)
            .values("s", "m")
            .annotate(n=Count("pk"))
        )
        for item in counted:
            month = (
                timezone.localtime(item["m"]).date()
                if isinstance(item["m"], datetime.datetime)
                else item["m"]
            )
            months = by_service.setdefault(item["s"], {m: MonthRow(m) for m in year.months})
            setattr(months[month.replace(day=1)], attribute, item["n"])
    return {title: list(months.values()) for title, months in by_service.items()}


def _services(
    submissions, ratings, pages, year, closed, key, rating_key, page_key
) -> dict[str, "ServiceRow"]:
    """Each service's row, told apart by `key` (on requests), `rating_key` (on ratings) and `page_key`
    (on live pages); working days counted with the `closed` days."""
    start, end = year.bounds()
    in_year = Q(submitted_at__gte=start, submitted_at__lt=end)
    services: dict[str, ServiceRow] = {}

    def service(title):
        return services.setdefault(title, ServiceRow(title))

    for item in pages.annotate(key=page_key).values("key").annotate(n=Count("pk")):
        service(item["key"]).offices_offering = item["n"]
    for item in (
        submissions.filter(in_year)
        .annotate(key=key)
        .values("key")
        .annotate(n=Count("pk"), offices=Count("office", distinct=True))
    ):
        row = service(item["key"])
        row.received, row.offices_with_requests = item["n"], item["offices"]
    holidays = working_days.weekday_holidays(closed, until=year.last_day)
    decided_on = TruncDate("decided_at")
    for item in (
        submissions.filter(decided_at__gte=start, decided_at__lt=end)
        .annotate(
            key=key,
            decided_on=decided_on,
            days=working_days.working_days_between(
                TruncDate("submitted_at"), decided_on, holidays, less=F("paused_days")
            ),
        )
        .values("key", "days")
        .annotate(n=Count("pk"), within=Count("pk", filter=Q(decided_on__lte=F("expected_completion"))))
    ):
        row = service(item["key"])
        row.decided += item["n"]
        row.within_legal_time += item["within"]
        row.days[item["days"]] = row.days.get(item["days"], 0) + item["n"]
    for item in (
        ratings.filter(created_at__gte=start, created_at__lt=end)
        .annotate(key=rating_key)
        .values("key")
        .annotate(n=Count("pk"), score_sum=Sum("score"), satisfied=Count("pk", filter=Q(score__gte=4)))
    ):
        row = service(item["key"])
        row.ratings, row.score_total, row.satisfied = item["n"], item["score_sum"] or 0, item["satisfied"]
    return services


@dataclasses.dataclass
class OfficeFigures:
    """One office's figures of a fiscal year, for its public statistics (no other office's rows)."""

    year: FiscalYear
    months: list[MonthRow]
    services: list[ServiceRow]  # titled with the Thai page's title
    total: ServiceRow
    channels: dict[str, int]  # requests received in the year, by channel
    open_now: int  # still owed a decision today (whatever the year)
    overdue_now: int
    survey: satisfaction.Summary  # the year's answers per question (every source)
    #: Each service's requests received and decided by month (Thai title -> the year's months).
    service_months: dict[str, list[MonthRow]] = dataclasses.field(default_factory=dict)


def for_office(year: FiscalYear, office: Office) -> OfficeFigures:
    """The office's own services by their own (Thai) titles, working days in its own calendar (its
    local holidays too)."""
    submissions = Submission.objects.order_by().filter(office=office)
    ratings = SatisfactionRating.objects.order_by().filter(office=office)
    pages = EServicePage.objects.filter(
        live=True, locale__language_code="th", path__startswith=office.site.root_page.path
    ).order_by()
    own_title = Coalesce(F("service__title"), F("service_title"))
    services = _services(
        submissions,
        ratings,
        pages,
        year,
        deadlines.holidays(office),
        own_title,
        Coalesce(F("submission__service__title"), F("submission__service_title")),
        F("title"),
    )
    total = _total(services)
    start, end = year.bounds()
    channels = dict(
        submissions.filter(submitted_at__gte=start, submitted_at__lt=end)
        .values_list("channel")
        .annotate(n=Count("pk"))
    )
    today = timezone.localdate()
    now = submissions.clock_running().aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(expected_completion__lt=today))
    )
    return OfficeFigures(
        year=year,
        months=_months(submissions, year),
        services=sorted(services.values(), key=lambda r: (-r.received, r.title)),
        total=total,
        channels=channels,
        open_now=now["open"],
        overdue_now=now["overdue"],
        survey=satisfaction.summary(ratings.filter(created_at__gte=start, created_at__lt=end)),
        service_months=_months_by_service(submissions, year, own_title),
    )
