"""Distances for "nearby", links to map apps, and Thai date formatting."""

import datetime as dt

import pytest

from tourism.formatting import format_date_range, format_time
from tourism.geo import Place, geo_uri, haversine_km, nearest, openstreetmap_url


def test_haversine_known_distance():
    # Chiang Rai clock tower to Chiang Mai's Tha Phae Gate: about 160 km as the crow flies.
    assert haversine_km(19.9072, 99.8309, 18.7877, 98.9933) == pytest.approx(152, abs=6)
    assert haversine_km(19.9, 99.8, 19.9, 99.8) == 0


def test_one_degree_of_latitude_is_about_111_km():
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)


def test_nearest_orders_by_distance_and_leaves_out_the_origin():
    origin = Place("here", 19.9105, 99.8406)
    places = [
        origin,
        Place("far", 20.2, 100.1),
        Place("near", 19.9110, 99.8410),
        Place("middle", 19.95, 99.85),
        Place("next", 19.92, 99.84),
    ]
    found = nearest(origin, places, 3)
    assert [place.key for place, _km in found] == ["near", "next", "middle"]
    assert found[0][1] < found[1][1] < found[2][1]


def test_nearest_breaks_ties_by_key_and_copes_with_few_places():
    origin = Place(0, 0.0, 0.0)
    assert [p.key for p, _ in nearest(origin, [Place(2, 0, 1), Place(1, 1, 0)], 3)] == [1, 2]
    assert nearest(origin, [], 3) == []


def test_map_app_links():
    assert geo_uri("19.9", "99.8") == "geo:19.9,99.8"
    assert geo_uri(19.9, 99.8, "Wat").startswith("geo:19.9,99.8?q=19.9%2C99.8%28Wat%29")
    assert (
        openstreetmap_url(19.9, 99.8) == "https://www.openstreetmap.org/?mlat=19.9&mlon=99.8#map=16/19.9/99.8"
    )


@pytest.mark.parametrize(
    ("start", "end", "language", "expected"),
    [
        (dt.date(2027, 4, 13), dt.date(2027, 4, 15), "th", "13–15 เมษายน 2570"),
        (dt.date(2027, 4, 13), dt.date(2027, 4, 15), "en", "13–15 April 2027"),
        (dt.date(2027, 3, 30), dt.date(2027, 4, 2), "th", "30 มีนาคม – 2 เมษายน 2570"),
        (dt.date(2026, 12, 31), dt.date(2027, 1, 1), "th", "31 ธันวาคม 2569 – 1 มกราคม 2570"),
        (dt.date(2026, 12, 5), None, "th", "5 ธันวาคม 2569"),
        (dt.date(2026, 12, 5), dt.date(2026, 12, 5), "en", "5 December 2026"),
    ],
)
def test_date_ranges_in_buddhist_era_on_thai_pages(start, end, language, expected):
    assert format_date_range(start, end, language) == expected


def test_times():
    assert format_time(dt.time(8, 30), "th") == "08.30 น."
    assert format_time(dt.time(8, 30), "en") == "8:30"
