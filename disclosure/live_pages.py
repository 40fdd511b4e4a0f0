"""Pages of Tambon that are generated, not edited (the statistics, the charter …), which a checklist
item may link to by name: a registry, so a new one is one `register` call and no code asks "which?".

A live page is always up to date (it is computed on each visit), so it is never "stale"; it is
"published" as long as its URL resolves.
"""

import dataclasses

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclasses.dataclass(frozen=True)
class LivePage:
    key: str
    label: str
    url_name: str

    def url(self) -> str:
        """The address in the active language, or "" when the page is not installed."""
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return ""


_registry: dict[str, LivePage] = {}


def register(key: str, label, url_name: str) -> LivePage:
    page = LivePage(key, label, url_name)
    _registry[key] = page
    return page


def get(key: str) -> LivePage | None:
    return _registry.get(key)


def all_pages() -> list[LivePage]:
    return list(_registry.values())


def choices() -> list[tuple[str, str]]:
    """For the link's select box (a callable, so a page registered later is offered too)."""
    return [(page.key, page.label) for page in _registry.values()]


register("statistics", _("Service statistics"), "public_statistics")
register("charter", _("Citizen's charter"), "charter")
register("procurement", _("Procurement summary of the year"), "procurement_summary")
register("complaints", _("Problem reports and complaints board"), "problems:board")
register("oit", _("Disclosure index (OIT)"), "oit_index")
