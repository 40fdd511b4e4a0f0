"""Which services the charter lists: the live, public e-services of one office, in one language."""

import dataclasses

from django.db.models import Q

from eforms import pricing
from eforms.catalogue import group_by_category
from eforms.models import EServicePage
from home.models.pages import publicly_visible
from home.site_pages import in_trees, root_paths


@dataclasses.dataclass
class Standard:
    """One service's line of the charter."""

    category: str
    title: str
    url: str
    legal_days: int
    promised_days: int | None  # only where shorter than the legal time
    fee: str
    division: str
    phone: str


def services_of(office, language: str):
    """The office's live e-services visible to everyone, in `language`'s tree, in the catalogue's order."""
    if office is None:
        return EServicePage.objects.none()
    pages = (
        EServicePage.objects.live()
        .filter(in_trees(root_paths(office.site)))
        .filter(Q(locale__language_code=language))
        .order_by("path")
    )
    return publicly_visible(pages)


def charter(office, language: str, request=None) -> list[tuple[str, str, list[Standard]]]:
    """[(category value, label, [Standard])]: the charter's sections, empty categories left out."""
    services = list(services_of(office, language))
    pricing.prepare(services)
    standards = []
    for page in services:
        standards.append(
            Standard(
                category=page.category,
                title=page.title,
                url=page.get_url(request) or "",
                legal_days=page.processing_days,
                promised_days=page.shorter_promise,
                fee=pricing.fee_text(page),
                division=page.responsible_division,
                phone=page.contact_phone,
            )
        )
    return group_by_category(standards)
