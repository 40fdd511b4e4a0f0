"""The data of the board's map: the board's own cases (never hidden, sensitive or withdrawn ones, never
the reporter's details), grouped on the server in a grid whose cells follow the map's zoom, so that one
answer stays small whatever the number of cases: at most `MAX_POINTS` points, each a single case or a
group with its count.

A cell is `CELL_PIXELS` wide on the screen at the requested zoom, or wider when a grid of it over the
cases' extent could hold more than `MAX_POINTS` cells (so one grouping query is enough). Should the
groups still be too many, the cells are made twice as wide (up to `WIDENINGS` times), then the largest
groups are kept and the answer says it was cut."""

from django.db.models import Avg, Count, FloatField, Max, Min, Q, Value
from django.db.models.functions import Cast, Floor
from django.utils import timezone, translation

from home.dates import format_date
from problems.constants import PublicState

#: The most points (cases or groups) one answer holds.
MAX_POINTS = 500
#: A group's cell on the screen, in pixels (Web map tiles are 256 pixels wide).
CELL_PIXELS = 60
WIDENINGS = 6
MIN_ZOOM, MAX_ZOOM, DEFAULT_ZOOM = 0, 19, 13


def parse_zoom(value):
    try:
        return min(MAX_ZOOM, max(MIN_ZOOM, int(value)))
    except (TypeError, ValueError):
        return DEFAULT_ZOOM


def parse_bbox(value):
    """`west,south,east,north` in degrees, or None when absent or unreadable (the whole board)."""
    try:
        west, south, east, north = (float(part) for part in (value or "").split(","))
    except ValueError:
        return None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return None
    return west, south, east, north


def _cell_degrees(zoom):
    return 360.0 / (256 * 2**zoom) * CELL_PIXELS


def _grouped(placed, cell):
    cell_value = Value(cell, output_field=FloatField())
    return (
        placed.annotate(
            cx=Floor(Cast("longitude", FloatField()) / cell_value),
            cy=Floor(Cast("latitude", FloatField()) / cell_value),
        )
        .values("cx", "cy")
        .annotate(
            n=Count("pk"),
            lat=Avg(Cast("latitude", FloatField())),
            lon=Avg(Cast("longitude", FloatField())),
            one=Min("pk"),
        )
        .order_by("-n", "cx", "cy")
    )  # fmt: skip


def _single(report):
    """What the map says of one case: no description, landmark or anything of its reporter."""
    created = timezone.localtime(report.created_at).date()
    return {
        "id": report.pk,
        "category": report.category.code,
        "state": report.public_state.value,
        "place": ", ".join(p for p in (str(report.village_label), report.road) if p),
        "date": format_date(created, translation.get_language(), short=True),
    }


def _first_cell(zoom, counts, bbox):
    """The zoom's cell, made wider when a grid of it over the cases' extent could hold more than
    `MAX_POINTS` cells (then the grouping query needs no second try)."""
    cell = _cell_degrees(zoom)
    if not counts["in_view"] or counts["in_view"] <= MAX_POINTS:
        return cell  # fewer cases than the limit: never more groups than cases
    west, south, east, north = counts["west"], counts["south"], counts["east"], counts["north"]
    if bbox:
        west, south, east, north = (
            max(west, bbox[0]),
            max(south, bbox[1]),
            min(east, bbox[2]),
            min(north, bbox[3]),
        )
    width, height = max(0.0, east - west), max(0.0, north - south)
    while (width // cell + 2) * (height // cell + 2) > MAX_POINTS:
        cell *= 1.25
    return cell


def map_data(reports, *, zoom, bbox=None, categories=()):
    """The map's answer for the board's (already filtered) cases: a few counts, the categories and
    states named once, and at most `MAX_POINTS` points. Three queries whatever the number of cases
    (counts and extent, groups, the single cases' details); a wider grid is tried only if the first
    one still had too many cells."""
    has_position = Q(latitude__isnull=False, longitude__isnull=False)
    in_view = has_position
    if bbox:
        west, south, east, north = bbox
        in_view &= Q(longitude__gte=west, longitude__lte=east, latitude__gte=south, latitude__lte=north)
    as_float = {name: Cast(name, FloatField()) for name in ("latitude", "longitude")}
    counts = reports.aggregate(
        total=Count("pk"),
        placed=Count("pk", filter=has_position),
        in_view=Count("pk", filter=in_view),
        west=Min(as_float["longitude"], filter=has_position),
        east=Max(as_float["longitude"], filter=has_position),
        south=Min(as_float["latitude"], filter=has_position),
        north=Max(as_float["latitude"], filter=has_position),
    )
    placed = reports.filter(in_view)
    cell = _first_cell(zoom, counts, bbox)
    truncated = False
    groups = []
    for attempt in range(WIDENINGS + 1 if counts["in_view"] else 0):
        groups = list(_grouped(placed, cell)[: MAX_POINTS + 1])
        if len(groups) <= MAX_POINTS:
            break
        if attempt == WIDENINGS:
            groups, truncated = groups[:MAX_POINTS], True
            break
        cell *= 2
    ones = [g["one"] for g in groups if g["n"] == 1]
    details = {}
    if ones:
        found = (
            reports.model.objects.filter(pk__in=ones)
            .select_related("category", "submission")
            .only("pk", "village", "road", "created_at", "category__code", "submission__status")
        )
        details = {report.pk: _single(report) for report in found}
    points = []
    for group in groups:
        point = {"lat": round(group["lat"], 6), "lon": round(group["lon"], 6), "count": group["n"]}
        if group["n"] == 1 and group["one"] in details:
            point.update(details[group["one"]])
        points.append(point)
    return {
        "total": counts["total"],
        "placed": counts["placed"],
        "without_position": counts["total"] - counts["placed"],
        "shown": sum(g["n"] for g in groups),
        "zoom": zoom,
        "truncated": truncated,
        "categories": {c.code: {"name": c.name, "icon": c.icon} for c in categories},
        "states": {state.value: str(state.label) for state in PublicState},
        "points": points,
    }
