"""Database reads of the tourism pages, written so that their query count does not grow with the results.

Each function costs a fixed number of queries, however many attractions or cards there are.
"""

import datetime

from django.db.models import Prefetch
from wagtail.images import get_image_model

from home.site_pages import language_home_path
from tourism import geo, hours
from tourism.models import AttractionPage, ClosedDate, EventPage, OpeningPeriod


def attractions_under(index_page):
    """Live, public attractions of the index (so of its language), in the editors' order."""
    return (
        AttractionPage.objects.child_of(index_page)
        .live()
        .public()
        .select_related("category")
        .order_by("path")
    )


def events_under(index_page):
    return EventPage.objects.child_of(index_page).live().public().order_by("start_date", "path")


def events_at(attraction):
    """Live, public events of the attraction's office and language held at it (chosen as their place
    in either language): another office's event that names this place is that office's to show."""
    return (
        EventPage.objects.live()
        .public()
        .filter(
            path__startswith=language_home_path(attraction),
            place_page__translation_key=attraction.translation_key,
        )
    )


def with_hours(queryset, today):
    """Prefetch what a card needs to say "open now": the periods and the closed days around today."""
    return queryset.prefetch_related(
        "opening_periods",
        Prefetch(
            "closed_dates",
            queryset=ClosedDate.objects.filter(date__gte=today - datetime.timedelta(days=1)).order_by("date"),
        ),
    )


def open_now_ids(queryset, at: datetime.datetime) -> set[int]:
    """Primary keys of the attractions in `queryset` that are open at `at` (three queries).

    Only yesterday's and today's periods and closed days matter: a period can run past midnight
    into today, no further.
    """
    today, yesterday = at.date(), at.date() - datetime.timedelta(days=1)
    candidates = dict(queryset.values_list("pk", "always_open"))
    periods: dict[int, list[hours.Period]] = {}
    for page_id, weekday, opens, closes in OpeningPeriod.objects.filter(
        page_id__in=candidates, weekday__in={today.weekday(), yesterday.weekday()}
    ).values_list("page_id", "weekday", "opens", "closes"):
        periods.setdefault(page_id, []).append(hours.Period(weekday, opens, closes))
    closed: dict[int, list[datetime.date]] = {}
    for page_id, day in ClosedDate.objects.filter(
        page_id__in=candidates, date__in=[yesterday, today]
    ).values_list("page_id", "date"):
        closed.setdefault(page_id, []).append(day)
    return {
        page_id
        for page_id, always_open in candidates.items()
        if hours.is_open_at(at, periods.get(page_id, ()), closed.get(page_id, ()), always_open)
    }


def attach_card_images(pages, *specs):
    """Give each page `card_image` (an Image with its renditions prefetched, or None) and `card_alt`.

    Two queries for any number of pages: the images, then their renditions.
    """
    pages = list(pages)
    wanted = {}
    for page in pages:
        image_id, alt = page.first_gallery_item()
        page.card_alt = alt
        wanted[page.pk] = image_id
    ids = {image_id for image_id in wanted.values() if image_id}
    images = {}
    if ids:
        images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(*specs).in_bulk()
    for page in pages:
        page.card_image = images.get(wanted[page.pk])
    return pages


def localized_pages(pages, locale):
    """{translation_key: the live page in `locale`} for pages that may be in another language.

    An event's attraction is chosen in Thai and kept when the event is translated: this finds the
    English attraction in one query (falling back to the original when it has no translation yet).
    """
    pages = [page for page in pages if page is not None]
    found = {page.translation_key: page for page in pages if page.live}
    keys = [page.translation_key for page in pages if page.locale_id != locale.pk]
    if keys:
        for page in AttractionPage.objects.live().filter(translation_key__in=keys, locale=locale):
            found[page.translation_key] = page
    return found


def nearby_attractions(attraction, count=3):
    """The `count` other live attractions of the same office and language closest to `attraction`,
    nearest first: a neighbouring office's attractions are its own site's to show.

    Returns (page, distance in km) pairs. Two queries: coordinates of all, then the chosen pages.
    """
    rows = (
        AttractionPage.objects.live()
        .public()
        .filter(path__startswith=language_home_path(attraction))
        .exclude(pk=attraction.pk)
        .values_list("pk", "latitude", "longitude")
    )
    candidates = [geo.Place(pk, float(lat), float(lon)) for pk, lat, lon in rows]
    origin = geo.Place(attraction.pk, float(attraction.latitude), float(attraction.longitude))
    closest = geo.nearest(origin, candidates, count)
    pages = AttractionPage.objects.select_related("category").in_bulk([place.key for place, _d in closest])
    return [(pages[place.key], distance) for place, distance in closest if place.key in pages]
