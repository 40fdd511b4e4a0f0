"""Adopting a model service into an office's catalogue, and taking a newer version of it.

Every step is in one transaction: the office's page (Thai, published), its English translation
(wagtail-localize), the office's permit officers as its handlers, and the adoption with its baseline.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from casework.models import ServiceHandler
from eforms.models import EServicePage, ServiceCataloguePage
from home.groups import PERMIT_OFFICERS
from library import content as c
from library.models import Adoption, ModelService
from offices.groups import group_name
from offices.services import OfficeError, publish_translation

ALL = "all"


class LibraryError(OfficeError):
    """What cannot be done with the library; the message is for the person who asked (translated)."""


def catalogue_of(office):
    """The office's Thai service catalogue (`/th/services/`), or None."""
    page = office.site.root_page.get_children().type(ServiceCataloguePage).first()
    return page.specific if page else None


def officers_group(office):
    """The office's permit officers; for the office made before offices existed (its groups are the
    installation's), the installation's permit officers."""
    group = Group.objects.filter(name=group_name(office.code, PERMIT_OFFICERS)).first()
    if group is None and office.site.is_default_site:
        group = Group.objects.filter(name=PERMIT_OFFICERS).first()
    return group


def _free_slug(catalogue, slug):
    taken = set(catalogue.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def adopt(office, model_service, *, user=None) -> Adoption:
    """Copy the newest version of `model_service` into `office`'s catalogue as the office's own page."""
    version = model_service.newest_version
    if version is None:
        raise LibraryError(_("This model service has no version yet: run sync_library."))
    if Adoption.objects.filter(office=office, model_service=model_service).exists():
        raise LibraryError(
            _("“%(service)s” is already in the catalogue of %(office)s.")
            % {"service": model_service.title_th, "office": office}
        )
    catalogue = catalogue_of(office)
    if catalogue is None:
        raise LibraryError(
            _("%(office)s has no service catalogue page to add the service to.") % {"office": office}
        )
    organisation = office.organisation
    with transaction.atomic():
        page = c.new_page(
            version.values,
            slug=_free_slug(catalogue, version.content["slug"]),
            locale=catalogue.locale,
            contact_phone=organisation.phone or "",
            contact_email=organisation.email or "",
        )
        catalogue.add_child(instance=page)
        page.save_revision(user=user).publish(user=user)
        publish_translation(page, Locale.objects.get(language_code="en"), version.english)
        group = officers_group(office)
        if group is not None:
            ServiceHandler.objects.get_or_create(service=page, group=group)
        return Adoption.objects.create(
            office=office, model_service=model_service, version=version, page=page, baseline=c.snapshot(page)
        )


def choices():
    """(code, title in the active language) of every model service, for choosing in a form."""
    english = get_language() == "en"
    return [
        (s.code, s.title_en if english and s.title_en else s.title_th)
        for s in ModelService.objects.order_by("title_th")
    ]


def resolve_codes(codes) -> list[ModelService]:
    """The model services named by `codes` (or ["all"]), or OfficeError naming the unknown ones."""
    codes = [code.strip() for code in codes if code.strip()]
    services = {s.code: s for s in ModelService.objects.all()}
    if not services:
        raise LibraryError(_("The service library is empty: run sync_library first."))
    if codes == [ALL]:
        return list(services.values())
    unknown = [code for code in codes if code not in services]
    if unknown:
        raise LibraryError(
            _("No model service in the library has the code %(codes)s. Known codes: %(known)s (or “all”).")
            % {"codes": ", ".join(unknown), "known": ", ".join(sorted(services))}
        )
    return [services[code] for code in dict.fromkeys(codes)]


def adopt_all(office, model_services):
    return [adopt(office, model_service) for model_service in model_services]


# --- Newer versions ------------------------------------------------------------------------------


@dataclass
class Comparison:
    """What the newest version changed since the office's, and what the office changed itself."""

    adoption: Adoption
    newest: object  # ModelServiceVersion
    changes: list  # library.content.Change, `kept` where the office's own value stays
    own_changes: list  # units the office changed since adopting

    @property
    def is_behind(self):
        return self.newest.number > self.adoption.version.number

    @property
    def taken(self):
        return [change for change in self.changes if not change.kept]

    @property
    def kept(self):
        return [change for change in self.changes if change.kept]


def live_page(adoption):
    return EServicePage.objects.get(pk=adoption.page_id)


def compare(adoption) -> Comparison:
    newest = adoption.model_service.newest_version
    current = c.snapshot(live_page(adoption))
    return Comparison(
        adoption=adoption,
        newest=newest,
        changes=c.changes(adoption.baseline, newest.values, current),
        own_changes=c.own_changes(adoption.baseline, current),
    )


def take_newest(adoption, *, user=None) -> Comparison:
    """Bring the office's page to the newest version, keeping every field the office changed since it
    adopted; the office's English translation follows (what translators wrote stays)."""
    with transaction.atomic():
        adoption = (
            Adoption.objects.select_for_update()
            .select_related("model_service", "version")
            .get(pk=adoption.pk)
        )
        comparison = compare(adoption)
        if not comparison.is_behind:
            raise LibraryError(_("This service already has the newest version of the library."))
        page = live_page(adoption)
        if page.has_unpublished_changes:
            raise LibraryError(
                _(
                    "The service has changes that are not published: publish or discard them first, so that "
                    "taking the newer version does not publish them or lose them."
                )
            )
        newest = comparison.newest
        merged = c.merge(adoption.baseline, newest.values, c.snapshot(page))
        _apply(page, merged)
        page.save_revision(user=user).publish(user=user)
        english_page = page.get_translation_or_none(Locale.objects.get(language_code="en"))
        if english_page is not None:
            publish_translation(page, english_page.locale, newest.english, strict=False)
        adoption.version = newest
        adoption.baseline = newest.values
        adoption.save(update_fields=["version", "baseline", "updated_at"])
    return comparison


def _apply(page, values):
    """Set the page and its form to `values`, keeping each existing form field's row (and so its
    translation) by key."""
    for name, value in values["page"].items():
        setattr(page, name, value)
    existing = {field.get_field_clean_name(): field for field in page.form_fields.all()}
    fields = []
    for order, spec in enumerate(values["fields"]):
        field = existing.get(spec["key"]) or c.new_form_field(spec, order)
        for attribute, value in spec.items():
            setattr(field, attribute, value)
        field.sort_order = order
        fields.append(field)
    page.form_fields = fields
