"""The yearly procurement summary, made from the procurement notices' fields (`NewsItemPage`).

The facts are the Thai (source) notice's; the English page shows the English title where the notice
is translated. A notice belongs to the fiscal year of its contract, or of its own date until there is one.
"""

import dataclasses
import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

from home.models import NewsItemPage
from home.models.pages import ProcurementMethod, publicly_visible
from home.site_pages import in_trees, root_paths
from national.figures import FiscalYear


@dataclasses.dataclass
class Notice:
    title: str
    url: str
    language: str  # of the title: "th" where the notice has no translation in the page's language
    method: str
    budget: Decimal
    winner: str
    price: Decimal | None
    contract_date: datetime.date | None
    notice_date: datetime.date


@dataclasses.dataclass
class MethodTotal:
    method: str
    count: int
    budget: Decimal
    awarded: int
    price: Decimal


def notices_of(office, year: FiscalYear, language: str, request=None) -> list[Notice]:
    first, last = year.first_day, year.last_day
    pages = (
        NewsItemPage.objects.live()
        .filter(in_trees(root_paths(office.site)), locale__language_code=settings.LANGUAGE_CODE)
        .filter(kind=NewsItemPage.Kind.PROCUREMENT)
        .filter(
            Q(procurement_date__range=(first, last))
            | Q(procurement_date__isnull=True, date__range=(first, last))
        )
        .order_by("date", "pk")
    )
    pages = list(publicly_visible(pages))
    translated = {}
    if language != settings.LANGUAGE_CODE:
        for page in NewsItemPage.objects.live().filter(
            translation_key__in=[page.translation_key for page in pages], locale__language_code=language
        ):
            translated[page.translation_key] = page
    notices = []
    labels = dict(ProcurementMethod.choices)
    for page in pages:
        shown = translated.get(page.translation_key, page)
        notices.append(
            Notice(
                title=shown.title,
                url=shown.get_url(request) or "",
                language=shown.locale.language_code if shown is not page else settings.LANGUAGE_CODE,
                method=str(labels.get(page.procurement_method, "")),
                budget=page.procurement_budget,
                winner=page.procurement_winner,
                price=page.procurement_price,
                contract_date=page.procurement_date,
                notice_date=page.date,
            )
        )
    return notices


def totals_by_method(notices: list[Notice]) -> list[MethodTotal]:
    totals = {}
    for notice in notices:
        total = totals.setdefault(notice.method, MethodTotal(notice.method, 0, Decimal(0), 0, Decimal(0)))
        total.count += 1
        total.budget += notice.budget or 0
        if notice.price is not None:
            total.awarded += 1
            total.price += notice.price
    order = [str(label) for _value, label in ProcurementMethod.choices]
    return sorted(totals.values(), key=lambda t: order.index(t.method) if t.method in order else len(order))
