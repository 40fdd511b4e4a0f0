"""schema.org JSON-LD and Open Graph tags, so search engines and LINE/Facebook previews read our pages well.

The builders return plain dictionaries; `json_ld()` turns one into a safe `<script>` body.
"""

import datetime
import json

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from tourism import geo
from tourism.constants import SCHEMA_DAYS, SOCIAL_IMAGE_SPEC, Access

SCHEMA = "https://schema.org"
OG_LOCALES = {"th": "th_TH", "en": "en_US"}
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data) -> str:
    """The JSON text for a `<script type="application/ld+json">`, unable to close the script early."""
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES))


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def page_url(page, request):
    """The page's absolute URL on the host the visitor used."""
    return _absolute(request, page.get_url(request))


def _compact(data):
    """Leave out empty values: an empty "telephone" is worse than none."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def gallery_images(page):
    """(image, alt text) of the page's photos, in order (one query for all of them)."""
    return [
        (block.value["image"], block.value.get("alt_text", ""))
        for block in page.gallery
        if block.value["image"]
    ]


def image_urls(request, page, limit=3):
    return [
        _absolute(request, image.get_rendition(SOCIAL_IMAGE_SPEC).url)
        for image, _alt in gallery_images(page)[:limit]
    ]


def _geo(latitude, longitude):
    return {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}


def _address(text):
    if not text:
        return None
    return {"@type": "PostalAddress", "streetAddress": " ".join(text.split()), "addressCountry": "TH"}


def opening_hours_specification(attraction, today):
    """Weekly hours, plus a closed-all-day entry per coming closed date (Google's convention)."""
    if attraction.always_open:
        specs = [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"{SCHEMA}/{d}" for d in SCHEMA_DAYS],
             "opens": "00:00", "closes": "23:59"}
        ]  # fmt: skip
    else:
        specs = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"{SCHEMA}/{SCHEMA_DAYS[period.weekday]}",
                "opens": period.opens.strftime("%H:%M"),
                # schema.org: a closing time before the opening time means the next day.
                "closes": period.closes.strftime("%H:%M"),
            }
            for period in sorted(attraction.periods(), key=lambda p: (p.weekday, p.opens))
        ]
    for day in attraction.upcoming_closed_dates(today):
        specs.append(
            {
                "@type": "OpeningHoursSpecification",
                "opens": "00:00",
                "closes": "00:00",
                "validFrom": day.isoformat(),
                "validThrough": day.isoformat(),
            }
        )
    return specs


def attraction_data(attraction, request, today) -> dict:
    features = []
    for field, name in (
        ("wheelchair_access", "Wheelchair accessible"),
        ("accessible_toilet", "Accessible toilet"),
        ("parking", "Parking"),
    ):
        value = getattr(attraction, field)
        if value:
            features.append(
                {"@type": "LocationFeatureSpecification", "name": name, "value": value != Access.NO}
            )
    return _compact(
        {
            "@context": SCHEMA,
            "@type": "TouristAttraction",
            "name": attraction.title,
            "description": attraction.summary,
            "url": page_url(attraction, request),
            "inLanguage": attraction.locale.language_code,
            "image": image_urls(request, attraction),
            "geo": _geo(attraction.latitude, attraction.longitude),
            "hasMap": geo.openstreetmap_url(attraction.latitude, attraction.longitude),
            "address": _address(attraction.address),
            "telephone": attraction.phone,
            "isAccessibleForFree": attraction.free_entry,
            "publicAccess": True,
            "openingHoursSpecification": opening_hours_specification(attraction, today),
            "amenityFeature": features,
            "keywords": attraction.category.name if attraction.category else "",
            "sameAs": [
                url for url in (attraction.website, attraction.facebook_url, attraction.line_url) if url
            ],
        }
    )


def _moment(day: datetime.date, time: datetime.time | None) -> str:
    if time is None:
        return day.isoformat()
    return timezone.make_aware(datetime.datetime.combine(day, time)).isoformat()


def event_data(event, request, occurrence, place) -> dict:
    """`occurrence` is the one to announce (the next, or the last when it is over)."""
    if place is not None:
        location = _compact(
            {
                "@type": "Place",
                "name": place.title,
                "url": page_url(place, request),
                "address": _address(place.address) or {"@type": "PostalAddress", "addressCountry": "TH"},
                "geo": _geo(place.latitude, place.longitude),
            }
        )
    else:
        location = _compact(
            {
                "@type": "Place",
                "name": event.place_name,
                "address": _address(event.place_address)
                or {"@type": "PostalAddress", "addressCountry": "TH"},
            }
        )
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": page_url(event, request),
        "inLanguage": event.locale.language_code,
        "image": image_urls(request, event),
        "startDate": _moment(occurrence.start, event.start_time),
        "endDate": _moment(occurrence.end, event.end_time) if (event.end_time or occurrence.days > 1) else "",
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": location,
        "isAccessibleForFree": event.free_entry,
        "organizer": _compact({"@type": "Organization", "name": event.organiser, "url": event.organiser_url})
        if event.organiser
        else None,
    }
    if event.is_yearly:
        data["eventSchedule"] = {
            "@type": "Schedule",
            "repeatFrequency": "P1Y",
            "startDate": occurrence.start.isoformat(),
            "endDate": occurrence.end.isoformat(),
        }
    return _compact(data)


def social_meta(page, request, description, image_alt_pairs, og_type="website", extra=None) -> dict:
    """Open Graph and Twitter card values for the page (the first photo as the preview image)."""
    language = page.locale.language_code
    meta = {
        "og:type": og_type,
        "og:title": page.seo_title or page.title,
        "og:description": strip_tags(page.search_description or description),
        "og:url": page_url(page, request),
        "og:locale": OG_LOCALES.get(language, language),
        "og:locale:alternate": [code for lang, code in OG_LOCALES.items() if lang != language],
        "twitter:card": "summary",
    }
    if image_alt_pairs:
        image, alt = image_alt_pairs[0]
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
        meta.update(
            {
                "og:image": _absolute(request, rendition.url),
                "og:image:type": "image/jpeg",
                "og:image:width": rendition.width,
                "og:image:height": rendition.height,
                "og:image:alt": alt,
                "twitter:card": "summary_large_image",
            }
        )
    meta.update(extra or {})
    return meta
