"""The data of the board's map: the board's own cases (never hidden, sensitive or withdrawn ones, never
the reporter's details), grouped on the server in a grid whose cells follow the map's zoom, so that one
answer stays small whatever the number of cases: at most `MAX_POINTS` points, each a single case or a
group with its count.

A cell is `CELL_PIXELS` wide on the screen at the requested zoom; when a view still holds more than
`MAX_POINTS` cells, the cells are made twice as wide (up to `WIDENINGS` times), then the largest groups
are kept and the answer says it was cut."""

from django.db.models import Avg, Count, FloatField, Min, Q, Value
from django.db.models.functions import Cast, Floor
from django.urls import reverse
from django.utils import timezone, translation

from home.dates import format_date

#: The most points (cases or groups) one answer holds.
MAX_POINTS = 500
#: A group's cell on the screen, in pixels (Web map tiles are 256 pixels wide).
CELL_PIXELS = 60
WIDENINGS = 6
MIN_ZOOM, MAX_ZOOM, DEFAULT_ZOOM = 0, 19, 13
#: From this zoom on a cell is a few metres: cases are shown one by one when they fit.
SINGLE_ZOOM = 18


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
        .annotate(n=Count("pk"), lat=Avg(Cast("latitude", FloatField())), lon=Avg(Cast("longitude", FloatField())), one=Min("pk"))
        .order_by("-n", "cx", "cy")
    )  # fmt: skip


def _single(report, today):
    created = timezone.localtime(report.created_at).date()
    return {
        "id": report.pk,
        "url": reverse("problems:case", args=[report.pk]),
        "category": report.category.name,
        "icon": report.category.icon,
        "state": str(report.public_state.label),
        "state_code": report.public_state.value,
        "place": ", ".join(p for p in (str(report.village_label), report.road) if p),
        "date": format_date(created, translation.get_language(), short=True),
        "days": (today - created).days,
    }


def map_data(reports, *, zoom, bbox=None):
    """The map's answer for the board's (already filtered) cases: a few counts and at most `MAX_POINTS`
    points. Four queries at most whatever the number of cases (counts, groups, one widening at a time
    when needed, the single cases' details)."""
    counts = reports.aggregate(
        total=Count("pk"), placed=Count("pk", filter=Q(latitude__isnull=False, longitude__isnull=False))
    )
    placed = reports.filter(latitude__isnull=False, longitude__isnull=False)
    if bbox:
        west, south, east, north = bbox
        placed = placed.filter(
            longitude__gte=west, longitude__lte=east, latitude__gte=south, latitude__lte=north
        )
    cell = _cell_degrees(zoom)
    truncated = False
    for attempt in range(WIDENINGS + 1):
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
        today = timezone.localdate()
        found = (
            reports.model.objects.filter(pk__in=ones)
            .select_related("category", "submission")
            .only(
                "pk", "village", "road", "created_at", "category__name_th", "category__name_en",
                "category__icon", "submission__status",
            )
        )  # fmt: skip
        details = {report.pk: _single(report, today) for report in found}
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
        "cell_degrees": round(cell, 8),
        "truncated": truncated,
        "points": points,
    }
