"""What is wrong with a checklist: items with nothing linked, linked to unpublished pages, or not
updated within the period they require. Read by the admin report and its tests."""

import dataclasses
import datetime

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from disclosure.constants import Problem, UpdateEvery
from disclosure.live_pages import LivePage
from disclosure.models import DisclosureItem
from home.dates import format_date
from national.figures import FiscalYear


def months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def updated_on(target, today) -> datetime.date | None:
    """When the linked thing last changed: a page's last publication, a document's upload; a live page
    is computed on each visit, so it is always today's."""
    if isinstance(target, LivePage):
        return today if target.url() else None
    moment = getattr(target, "last_published_at", None) or getattr(target, "created_at", None)
    return timezone.localdate(moment) if moment else None


def is_published(target) -> bool:
    if isinstance(target, LivePage):
        return bool(target.url())
    live = getattr(target, "live", None)
    return live is None or bool(live)


@dataclasses.dataclass
class Finding:
    kind: str
    label: str
    detail: str


@dataclasses.dataclass
class Row:
    item: object
    findings: list
    last_update: datetime.date | None

    @property
    def ok(self) -> bool:
        return not self.findings


def deadline(item, today) -> datetime.date:
    """The oldest update still in time: within the period, and within the item's fiscal year."""
    first_day = FiscalYear(item.fiscal_year).first_day
    if item.update_every == UpdateEvery.YEARLY:
        return first_day
    return max(first_day, months_before(today, item.update_every))


def check(item, today=None) -> Row:
    today = today or timezone.localdate()
    targets = [link.target for link in item.links.all()]
    present = [target for target in targets if target is not None]
    findings = []
    if not present:
        findings.append(
            Finding(Problem.MISSING, Problem.MISSING.label, _("Link a page, a document or a page of Tambon."))
        )
    unpublished = [target for target in present if not is_published(target)]
    if unpublished:
        findings.append(
            Finding(
                Problem.UNPUBLISHED,
                Problem.UNPUBLISHED.label,
                ", ".join(str(getattr(target, "title", target)) for target in unpublished),
            )
        )
    published = [target for target in present if is_published(target)]
    dates = [day for day in (updated_on(target, today) for target in published) if day]
    last_update = max(dates) if dates else None
    if published and (last_update is None or last_update < deadline(item, today)):
        findings.append(
            Finding(
                Problem.STALE,
                Problem.STALE.label,
                _("Last updated %(day)s; it must be updated %(period)s.")
                % {
                    "day": format_date(last_update, get_language()) if last_update else "—",
                    "period": item.get_update_every_display(),
                },
            )
        )
    return Row(item=item, findings=findings, last_update=last_update)


def items_of(office, fiscal_year):
    items = DisclosureItem.objects.filter(office=office, fiscal_year=fiscal_year).prefetch_related(
        "links__page", "links__document"
    )
    return items.in_order()


def report(office, fiscal_year, today=None) -> list[Row]:
    return [check(item, today) for item in items_of(office, fiscal_year)]
