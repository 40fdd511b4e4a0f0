"""Creating an office: its site, pages in both languages, settings, staff groups, in one transaction."""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from eforms.models import ServiceCataloguePage
from home.models import HomePage, OrganisationSettings
from home.models.site_settings import HeaderMenuItem
from offices import codes
from offices.groups import create_office_groups
from offices.models import Office

THAI = re.compile(r"[\u0E00-\u0E7F]")

HERO_TEXT = (
    "ยื่นคำขอ ชำระค่าธรรมเนียม และติดตามเรื่องกับสำนักงานได้ทางออนไลน์",
    "Apply, pay fees and follow your requests with the office online.",
)
CATALOGUE_TITLE = ("บริการออนไลน์", "Online services")
CATALOGUE_INTRODUCTION = (
    "บริการของสำนักงานที่ยื่นได้ทางออนไลน์ พร้อมคู่มือสำหรับประชาชน",
    "The office's services you can apply for online, each with its citizen's manual.",
)


class OfficeError(Exception):
    """Input that cannot make an office; the message is for the person who typed it (in the active
    language), `field` the input it is about."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


#: Services a new office starts with come from the shared service library (`library`), which sits above
#: this app and fills this in at start-up: `resolve(codes)` checks the codes before anything is written
#: (raising OfficeError) and returns what `adopt(office, resolved)` copies into the new catalogue.
_service_source = {}


def register_service_source(*, resolve, adopt, choices=None):
    """`choices()` lists (code, title) of what may be chosen, for the admin's new-office form."""
    _service_source.update(resolve=resolve, adopt=adopt, choices=choices or list)


def service_choices():
    return _service_source["choices"]() if _service_source else []


def check_new_office(*, hostname, port, code):
    """Refuse a code or an address already taken, before anything is written."""
    if not codes.is_valid(code):
        raise OfficeError(
            _(
                "The code “%(code)s” is not valid: use 2–40 lowercase Latin letters, digits or dashes, "
                "starting with a letter (e.g. doingam)."
            )
            % {"code": code},
            field="code",
        )
    existing = Office.objects.filter(code=code).select_related("site").first()
    if existing is not None:
        raise OfficeError(
            _("The code “%(code)s” is already used by the office of %(host)s.")
            % {"code": code, "host": existing.site.hostname},
            field="code",
        )
    site = Site.objects.filter(hostname=hostname.lower(), port=port).first()
    if site is not None:
        raise OfficeError(
            _("The address %(host)s:%(port)s is already the site of %(site)s.")
            % {"host": hostname, "port": port, "site": site.site_name or site},
            field="domain",
        )


def create_office(*, hostname, port=80, code, name_th, name_en, services=()):
    """The office, ready to serve: home page and service catalogue in Thai with their English
    translations (wagtail-localize, editable as any translation), the Site, its organisation settings,
    the office's staff groups and `services` (codes of the service library's model services, or
    ["all"]) in its catalogue. Nothing is left behind when a step fails."""
    hostname = hostname.strip().lower()
    check_new_office(hostname=hostname, port=port, code=code)
    resolved = None
    if services:
        if not _service_source:
            raise OfficeError("No service library is installed: create the office without --services.")
        resolved = _service_source["resolve"](list(services))
    thai = Locale.objects.get(language_code="th")
    english_locale = Locale.objects.get(language_code="en")
    english = {
        name_th: name_en,
        HERO_TEXT[0]: HERO_TEXT[1],
        CATALOGUE_TITLE[0]: CATALOGUE_TITLE[1],
        CATALOGUE_INTRODUCTION[0]: CATALOGUE_INTRODUCTION[1],
    }
    with transaction.atomic():
        home = HomePage(title=name_th, slug=code, hero_title=name_th, hero_text=HERO_TEXT[0], locale=thai)
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        catalogue = ServiceCataloguePage(
            title=CATALOGUE_TITLE[0], slug="services", introduction=CATALOGUE_INTRODUCTION[0], locale=thai
        )
        home.add_child(instance=catalogue)
        catalogue.save_revision().publish()

        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=not Site.objects.filter(is_default_site=True).exists(),
            site_name=name_en or name_th,
        )
        office = Office.objects.get(site=site)  # made by the site's post_save (offices.signals)
        office.code = code
        office.full_clean()
        office.save()

        organisation = OrganisationSettings.for_site(site)
        organisation.name_th, organisation.name_en = name_th, name_en
        organisation.save()
        HeaderMenuItem.objects.create(settings=organisation, sort_order=0, link_page=catalogue)

        english_home = publish_translation(home, english_locale, english)
        publish_translation(catalogue, english_locale, english)
        create_office_groups(office, [home, english_home])
        if resolved:
            _service_source["adopt"](office, resolved)
    return office


def give_office_groups(office):
    """Staff groups for an office made before offices had them (the first office of an upgraded
    installation, whose staff were in the installation's groups and so reached every office): the
    groups `create_office` makes, with page permissions on the office's home page in each language. A
    platform administrator then moves the office's staff into them."""
    if office.groups.exists():
        raise OfficeError(
            _("%(office)s already has its staff groups.") % {"office": office.code}, field="code"
        )
    home = office.site.root_page
    with transaction.atomic():
        return create_office_groups(office, list(home.get_translations(inclusive=True)))


def publish_translation(page, locale, english, *, strict=True):
    """The English page through wagtail-localize, published now (inside the transaction) rather than on
    commit as wagtail-localize does, so the catalogue's translation finds its parent's.

    On a page translated before, the source is brought up to date and what translators wrote stays;
    only strings without a translation are filled from `english`. A Thai string `english` lacks is an
    error when `strict`, else left to wagtail-localize's fallback (the Thai text) for a translator.
    """
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # What `translation.import_po(export_po())` does, a string at a time in five queries each, here in
    # three queries for the page: an office with a dozen services has a few thousand strings.
    segments = StringSegment.objects.filter(source=source).select_related("string")
    done = set(
        StringTranslation.objects.filter(locale=locale, context__object_id=source.object_id).values_list(
            "translation_of_id", "context_id"
        )
    )
    now = timezone.now()
    new = []
    for segment in segments:
        if (segment.string_id, segment.context_id) in done:
            continue  # translated before (by a translator, or by this function): kept
        done.add((segment.string_id, segment.context_id))
        text = segment.string.data
        if text in english:
            value = english[text]
        elif not THAI.search(text):
            value = text
        elif strict:
            raise OfficeError(f"No English for {text!r} on {page.title}")
        else:
            continue
        new.append(
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                data=value,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                updated_at=now,
            )
        )
    StringTranslation.objects.bulk_create(new)
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    translated.get_latest_revision().publish()
    return translated
