"""Tourism demo content: categories, attractions and events of Doi Ngam, in Thai and English.

`load_demo` calls `load(home_page)` after the site's own pages. Safe to run again: whatever exists
(matched by slug) is kept as it is, nothing is duplicated.
"""

from wagtail.models import Locale

from home.demo.translate import translate_page
from home.menus import clear_menu_cache
from home.models import OrganisationSettings
from home.models.site_settings import HeaderMenuItem
from tourism.demo import content
from tourism.demo.images import tourism_image
from tourism.models import (
    AttractionCategory,
    AttractionPage,
    ClosedDate,
    EventPage,
    OpeningPeriod,
    TourismIndexPage,
    local_now,
)


def _child(parent, model, slug, **fields):
    """The child page with this slug, created and published if it does not exist yet."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _gallery(definition):
    kind, seed, sky = definition["scene"]
    image = tourism_image(f"{definition['title']} ({seed})", kind, seed, sky)
    return [("image", {"image": image, "alt_text": definition["alt"], "caption": definition["caption"]})]


def _categories(thai, english):
    by_slug = {}
    for slug, name_th, name_en, order in content.CATEGORIES:
        category = AttractionCategory.objects.filter(locale=thai, slug=slug).first()
        if category is None:
            category = AttractionCategory.objects.create(
                locale=thai, slug=slug, name=name_th, sort_order=order
            )
        if category.get_translation_or_none(english) is None:
            translated = category.copy_for_translation(english)
            translated.name = name_en
            translated.save()
        by_slug[slug] = category
    return by_slug


def _attraction(index, definition, categories):
    fields = {
        key: definition.get(key, "")
        for key in (
            "title", "summary", "address", "entry_fee", "best_season", "wheelchair_access", "accessible_toilet",
            "parking", "accessibility_notes", "phone", "line_url", "facebook_url", "website", "opening_hours_note",
        )
    }  # fmt: skip
    return _child(
        index,
        AttractionPage,
        slug=definition["slug"],
        category=categories[definition["category"]],
        gallery=_gallery(definition),
        body=definition["body"],
        latitude=definition["lat"],
        longitude=definition["lon"],
        always_open=definition.get("always_open", False),
        free_entry=definition["free_entry"],
        opening_periods=[
            OpeningPeriod(weekday=day, opens=opens, closes=closes, sort_order=order)
            for order, (day, opens, closes) in enumerate(definition["periods"])
        ],
        closed_dates=[ClosedDate(date=day) for day in definition.get("closed_dates", [])],
        **fields,
    )[0]


def _event(index, definition, attractions):
    place = attractions.get(definition["place"]) if definition.get("place") else None
    return _child(
        index,
        EventPage,
        slug=definition["slug"],
        title=definition["title"],
        summary=definition["summary"],
        date_kind=definition["date_kind"],
        start_date=definition["start_date"],
        end_date=definition["end_date"],
        start_time=definition["start_time"],
        end_time=definition["end_time"],
        date_note=definition["date_note"],
        place_page=place,
        place_name=definition.get("place_name", ""),
        place_address=definition.get("place_address", ""),
        organiser=definition["organiser"],
        organiser_url=definition.get("organiser_url", ""),
        entry_fee=definition.get("entry_fee", ""),
        free_entry=definition["free_entry"],
        gallery=_gallery(definition),
        body=definition["body"],
    )[0]


def _menu_entry(home, index):
    org = OrganisationSettings.objects.filter(site__root_page=home).first()
    if org is None or org.header_menu_items.filter(link_page__translation_key=index.translation_key).exists():
        return
    last = org.header_menu_items.order_by("-sort_order").first()
    HeaderMenuItem.objects.create(
        settings=org, sort_order=(last.sort_order + 1) if last else 0, link_page=index
    )
    clear_menu_cache()


def load(home_page, stdout=None):
    thai = home_page.locale
    english = Locale.objects.get(language_code="en")
    index, _created = _child(home_page, TourismIndexPage, **content.INDEX)
    categories = _categories(thai, english)
    attractions = {
        definition["slug"]: _attraction(index, definition, categories) for definition in content.ATTRACTIONS
    }
    events = [_event(index, definition, attractions) for definition in content.events(local_now().date())]
    _menu_entry(home_page, index)

    # English, parents first; attractions before the events that point at them. Only the demo's own
    # pages: an attraction staff added has no entry in the demo's word list.
    translate_page(index, content.ENGLISH)
    for page in [*attractions.values(), *events]:
        if page.live:
            translate_page(page, content.ENGLISH)
    if stdout:
        stdout.write(f"Tourism demo ready: {len(attractions)} attractions, {len(events)} events.")
    return index


def on_demo_loaded(sender, home_page, stdout=None, **kwargs):
    """`home.demo.signals.demo_loaded`: add this app's demo content to the demo site."""
    load(home_page, stdout=stdout)
