"""The demo's library: every model service loaded, and the demo offices' services that came from the
library's definitions recorded as taken from version 1, so the admin shows which office uses which.

The demo's pages were made by the demo's own loaders (`eforms.demo`, `offices.demo`), not copied here:
the adoption's baseline is the version's values, so whatever an office's page says differently (Doi
Ngam's own ordinance, Huai Nam Sai's fee) counts as the office's own change and a library update keeps it.
Who handles the demo's services is left as the demo set it.
"""

from library import catalogue
from library.models import Adoption, ModelService
from library.services import catalogue_of
from library.sync import sync_library
from offices.models import Office


def record_demo_adoptions():
    """Each demo office's page at a model service's slug, recorded as adopted from version 1."""
    slugs = {definition["slug"]: code for code, definition in catalogue.definitions().items()}
    services = {s.code: s for s in ModelService.objects.all()}
    recorded = 0
    for office in Office.objects.select_related("site"):
        catalogue_page = catalogue_of(office)
        if catalogue_page is None:
            continue
        for page in catalogue_page.get_children().specific():
            code = slugs.get(page.slug)
            if code is None or Adoption.objects.filter(page=page).exists():
                continue
            if Adoption.objects.filter(office=office, model_service=services[code]).exists():
                continue
            first = services[code].versions.order_by("number").first()
            Adoption.objects.create(
                office=office, model_service=services[code], version=first, page=page, baseline=first.values
            )
            recorded += 1
    return recorded


def on_demo_loaded(sender, home_page, stdout=None, **kwargs):
    """`home.demo.signals.demo_loaded`: fill the library (after the demo's offices and services)."""
    result = sync_library()
    recorded = record_demo_adoptions()
    if stdout:
        stdout.write(
            f"Service library: {len(result.created) + len(result.updated) + len(result.unchanged)} model "
            f"services; {recorded} demo services recorded as taken from it."
        )
