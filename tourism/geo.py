"""Distances on the Earth's surface, for "nearby" attractions. Plain Python, no GIS database needed.

A local government has tens or a few hundred places: measuring every one is cheaper than an index.
"""

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


@dataclass(frozen=True)
class Place:
    key: object
    latitude: float
    longitude: float


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest(origin: Place, candidates: Iterable[Place], count: int = 3) -> list[tuple[Place, float]]:
    """The `count` candidates closest to `origin` (itself excluded), nearest first, with distances.

    Ties are broken by key so the order is stable from one request to the next.
    """
    measured = (
        (haversine_km(origin.latitude, origin.longitude, c.latitude, c.longitude), str(c.key), c)
        for c in candidates
        if c.key != origin.key
    )
    return [
        (place, distance) for distance, _key, place in heapq.nsmallest(count, measured, key=lambda m: m[:2])
    ]


def geo_uri(latitude, longitude, label="") -> str:
    """A `geo:` URI (RFC 5870) that phones open in their map app."""
    uri = f"geo:{latitude},{longitude}"
    if label:
        uri += "?" + urlencode({"q": f"{latitude},{longitude}({label})"})
    return uri


def openstreetmap_url(latitude, longitude, zoom=16) -> str:
    return (
        f"https://www.openstreetmap.org/?mlat={latitude}&mlon={longitude}#map={zoom}/{latitude}/{longitude}"
    )
