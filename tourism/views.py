"""What the tourism pages put in their template context. The page models call these from `get_context`."""

import dataclasses
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator

from tourism import event_dates, geo, queries
from tourism.constants import CARD_IMAGE_SPECS, NEARBY_COUNT, UPCOMING_EVENTS_SHOWN, EventsFilter
from tourism.models import AttractionCategory, local_now
from tourism.structured_data import attraction_data, event_data, gallery_images, social_meta


@dataclasses.dataclass
class Filters:
    """The index's filters, read from the query string; anything unknown is ignored."""

    category: AttractionCategory | None = None
    open_now: bool = False
    events: str = EventsFilter.UPCOMING

    @classmethod
    def from_query(cls, query, categories):
        by_slug = {category.slug: category for category in categories}
        events = query.get("events", "")
        return cls(
            category=by_slug.get(query.get("category", "")),
            open_now=query.get("open") == "now",
            events=events if events in EventsFilter.values else EventsFilter.UPCOMING,
        )

    def as_query(self, **changes):
        """The query string of these filters (without the page number), for links and pagination."""
        values = dataclasses.replace(self, **changes)
        params = {}
        if values.category:
            params["category"] = values.category.slug
        if values.open_now:
            params["open"] = "now"
        if values.events:
            params["events"] = values.events
        return urlencode(params)

    @property
    def active(self):
        return bool(self.category or self.open_now or self.events)


OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'


def map_settings():
    """Where the visitor's browser fetches map tiles (OpenStreetMap unless the site sets its own)."""
    return {
        "tile_url": getattr(settings, "TOURISM_TILE_URL", OSM_TILES),
        "tile_attribution": getattr(settings, "TOURISM_TILE_ATTRIBUTION", OSM_ATTRIBUTION),
    }


def _categories(locale):
    return list(AttractionCategory.objects.filter(locale=locale))


def _events_context(index, filters, today):
    """Events with the occurrence to show: the coming ones, or every one that touches this month."""
    shown = []
    for event in queries.events_under(index).select_related("place_page"):
        if filters.events == EventsFilter.MONTH:
            occurrences = event.rule.occurrences_between(*event_dates.month_bounds(today))
            occurrence = occurrences[0] if occurrences else None
        else:
            occurrence = event.next_occurrence(today)
        if occurrence is not None:
            event.occurrence = occurrence
            event.is_on = occurrence.start <= today <= occurrence.end
            shown.append(event)
    shown.sort(key=lambda event: (event.occurrence.start, event.path))
    more = 0
    if filters.events == EventsFilter.UPCOMING and len(shown) > UPCOMING_EVENTS_SHOWN:
        more = len(shown) - UPCOMING_EVENTS_SHOWN
        shown = shown[:UPCOMING_EVENTS_SHOWN]
    queries.attach_card_images(shown, *CARD_IMAGE_SPECS)
    places = queries.localized_pages([event.place_page for event in shown], index.locale)
    for event in shown:
        event.place = places.get(event.place_page.translation_key) if event.place_page else None
    return {"events": shown, "more_events": more}


def index_context(index, request):
    now = local_now()
    categories = _categories(index.locale)
    filters = Filters.from_query(request.GET, categories)
    attractions = queries.attractions_under(index)
    if filters.category:
        attractions = attractions.filter(category=filters.category)
    if filters.open_now:
        attractions = attractions.filter(pk__in=queries.open_now_ids(attractions, now))
    paginator = Paginator(queries.with_hours(attractions, now.date()), index.per_page)
    results = paginator.get_page(request.GET.get("page"))
    results.object_list = queries.attach_card_images(results.object_list, *CARD_IMAGE_SPECS)
    for attraction in results.object_list:
        attraction.status = attraction.hours_status(now)
    context = {
        "categories": categories,
        "filters": filters,
        "filter_query": filters.as_query(),
        "attractions": results,
        "events_choices": EventsFilter.choices,
        "all_events_query": filters.as_query(events=EventsFilter.ALL),
        "map_url": index.map_url(request),
        "social": social_meta(index, request, index.introduction, []),
    }
    context.update(_events_context(index, filters, now.date()))
    return context


def map_context(index, request):
    categories = _categories(index.locale)
    filters = Filters.from_query(request.GET, categories)
    attractions = queries.attractions_under(index)
    if filters.category:
        attractions = attractions.filter(category=filters.category)
    places = []
    for attraction in attractions:
        attraction.geo_uri = geo.geo_uri(attraction.latitude, attraction.longitude, attraction.title)
        attraction.osm_url = geo.openstreetmap_url(attraction.latitude, attraction.longitude)
        places.append(attraction)
    return {
        "categories": categories,
        "filters": filters,
        "places": places,
        "map_data": [_map_point(place, request) for place in places],
        **map_settings(),
    }


def _map_point(attraction, request):
    return {
        "name": attraction.title,
        "url": attraction.get_url(request),
        "lat": float(attraction.latitude),
        "lon": float(attraction.longitude),
        "category": attraction.category.name if attraction.category else "",
    }


def attraction_context(attraction, request):
    now = local_now()
    photos = gallery_images(attraction)
    nearby = queries.nearby_attractions(attraction, NEARBY_COUNT)
    queries.attach_card_images([page for page, _distance in nearby], *CARD_IMAGE_SPECS)
    events = []
    for event in queries.events_at(attraction):
        event.occurrence = event.next_occurrence(now.date())
        if event.occurrence:
            events.append(event)
    events.sort(key=lambda event: event.occurrence.start)
    return {
        "status": attraction.hours_status(now),
        "weekly_hours": attraction.weekly_hours(),
        "today_weekday": now.weekday(),
        "closed_dates": attraction.upcoming_closed_dates(now.date()),
        "nearby": nearby,
        "events_here": events,
        "geo_uri": geo.geo_uri(attraction.latitude, attraction.longitude, attraction.title),
        "osm_url": geo.openstreetmap_url(attraction.latitude, attraction.longitude),
        "map_data": [_map_point(attraction, request)],
        **map_settings(),
        "json_ld": attraction_data(attraction, request, now.date()),
        "social": social_meta(
            attraction,
            request,
            attraction.summary,
            photos,
            extra={
                "place:location:latitude": float(attraction.latitude),
                "place:location:longitude": float(attraction.longitude),
            },
        ),
    }


def event_context(event, request):
    today = local_now().date()
    occurrence = event.next_occurrence(today)
    is_over = occurrence is None
    if is_over:
        occurrence = event_dates.Occurrence(event.rule.start, event.rule.last_day)
    place = None
    if event.place_page_id:
        place = queries.localized_pages([event.place_page], event.locale).get(
            event.place_page.translation_key
        )
    return {
        "occurrence": occurrence,
        "is_over": is_over,
        "is_on": not is_over and occurrence.start <= today <= occurrence.end,
        "place": place,
        "geo_uri": geo.geo_uri(place.latitude, place.longitude, place.title) if place else "",
        "osm_url": geo.openstreetmap_url(place.latitude, place.longitude) if place else "",
        "map_data": [_map_point(place, request)] if place else [],
        **map_settings(),
        "json_ld": event_data(event, request, occurrence, place),
        "social": social_meta(event, request, event.summary, gallery_images(event)),
    }
