"""The public pages: the disclosure index (`/th/oit/`) and the procurement summary (`/th/procurement/`)."""

from decimal import Decimal

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from disclosure import procurement
from disclosure.live_pages import LivePage
from disclosure.report import is_published, items_of
from eforms.pricing import baht_text
from national.figures import FiscalYear
from offices.lookup import office_for_request

YEARS_SHOWN = 5


def _office(request):
    office = office_for_request(request)
    if office is None:
        raise Http404
    return office


def _year(request):
    """The fiscal year asked for (B.E.) among the last few, the current one by default; else 404."""
    current = FiscalYear.of(timezone.localdate())
    text = request.GET.get("year") or str(current.number)
    if not text.isdigit() or not current.number - YEARS_SHOWN < int(text) <= current.number:
        raise Http404
    return FiscalYear(int(text)), [FiscalYear(current.number - n) for n in range(YEARS_SHOWN)]


def public_links(item, request):
    """(text, url, language) of what the item links to that a visitor can open, in their language."""
    links = []
    for link in item.links.all():
        target = link.target
        if target is None or not is_published(target):
            continue
        if isinstance(target, LivePage):
            links.append((str(target.label), target.url(), None))
        elif link.page_id:
            page = target.localized
            if not page.live:
                page = target
            language = page.locale.language_code if hasattr(page, "locale") else None
            links.append(
                (page.title, page.get_url(request) or "", language if language != get_language() else None)
            )
        else:
            links.append((target.title, target.url, None))
    return links


@require_GET
def oit_index(request):
    office = _office(request)
    year, years = _year(request)
    rows = [(item, public_links(item, request)) for item in items_of(office, year.number)]
    return render(request, "disclosure/oit_index.html", {"year": year, "years": years, "rows": rows})


@require_GET
def procurement_summary(request):
    office = _office(request)
    year, years = _year(request)
    notices = procurement.notices_of(office, year, get_language(), request)
    totals = procurement.totals_by_method(notices)
    return render(
        request,
        "disclosure/procurement.html",
        {
            "year": year,
            "years": years,
            "notices": notices,
            "totals": totals,
            "all_count": len(notices),
            "all_budget": baht_text(sum((n.budget or Decimal(0) for n in notices), Decimal(0))),
            "all_price": baht_text(sum((n.price for n in notices if n.price is not None), Decimal(0))),
        },
    )
