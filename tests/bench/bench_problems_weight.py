"""Report a problem on a phone: the bytes a citizen's phone downloads for the three steps (pages, CSS,
script, fonts, images), without and with the map opened; the photo it uploads, full and shrunk by the
page's script; and the board's map data with 10,000 cases (size, time, queries).

Static files are counted as nginx serves them (`gzip_static`: the .gz that collectstatic writes for
CSS and JavaScript; fonts and images as they are), each once (the browser keeps it for the next page);
pages as the application sends them (not compressed). Map tiles come from the office's own tile server
and only once the map is opened: they are counted apart, as a number of tiles.
"""

import datetime
import gzip
import io
import json
import random
import re
from decimal import Decimal

from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from PIL import Image

from casework.constants import SubmissionStatus
from casework.models import Submission
from offices.lookup import default_office
from problems import board_map
from problems.models import Category, OfficeArea, ProblemReport
from tests.bench.util import measure_get
from tests.conftest import build_thai_home

TILES = "https://tiles.example/{z}/{x}/{y}.png"
ASSET = re.compile(r'<(?:script|img|link)\b[^>]*?\b(?:src|href)="(/static/[^"]+)"')
MAP_ASSET = re.compile(r'\bdata-(?:css|js|icon|icon2x|shadow)="(/static/[^"]+)"')
CSS_URL = re.compile(r'url\("?([^")]+)"?\)')
COMPRESSED = (".css", ".js", ".svg", ".json", ".txt", ".html")
#: Tiles a 360 × 640 phone shows for an 18 rem high map (a row of 2–3 and 2–3 rows, with Leaflet's
#: edge tiles), at the usual 5–20 KB of a rural OpenStreetMap PNG tile.
PHONE_TILES = 9


def _served_size(path):
    found = finders.find(path.removeprefix("/static/"))
    if found is None:
        return 0
    with open(found, "rb") as handle:
        data = handle.read()
    return len(gzip.compress(data, 9)) if path.endswith(COMPRESSED) else len(data)


def _fonts(css_path):
    found = finders.find(css_path.removeprefix("/static/"))
    text = open(found, encoding="utf-8").read() if found else ""
    base = css_path.rsplit("/", 1)[0]
    paths = []
    for url in CSS_URL.findall(text):
        if url.endswith(".woff2"):
            parts = (base + "/" + url).split("/")
            resolved = []
            for part in parts:
                if part == "..":
                    resolved.pop()
                elif part not in ("", "."):
                    resolved.append(part)
            paths.append("/" + "/".join(resolved))
    return paths


class Journey:
    """The pages and static files one phone downloads, each static file once."""

    def __init__(self):
        self.pages, self.assets = 0, {}

    def page(self, html, with_map=False):
        self.pages += len(html.encode())
        found = ASSET.findall(html) + (MAP_ASSET.findall(html) if with_map else [])
        for path in found:
            path = path.split("?")[0]
            if path not in self.assets:
                self.assets[path] = _served_size(path)
                if path.endswith(".css"):
                    for font in _fonts(path):
                        self.assets.setdefault(font, _served_size(font))

    @property
    def total(self):
        return self.pages + sum(self.assets.values())


def _photo(width, height):
    """A phone photo: smooth light with grain, like a street scene (not random noise)."""
    rng = random.Random(5)
    small = Image.new("RGB", (width // 16, height // 16))
    small.putdata(
        [
            (
                120 + (x * 3) % 90 + rng.randrange(20),
                110 + (y * 2) % 80 + rng.randrange(20),
                90 + rng.randrange(30),
            )
            for y in range(height // 16)
            for x in range(width // 16)
        ]
    )
    big = small.resize((width, height), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((width, height), 12).convert("RGB")
    return Image.blend(big, grain, 0.08)


def _jpeg(image, quality):
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=quality)
    return output.getvalue()


def _journey(client, office, with_map):
    journey = Journey()
    light = Category.objects.get(office=office, code="street-light")
    journey.page(client.get("/th/reports/new/").content.decode())
    client.post("/th/reports/new/", {"category": light.pk, "description": "ไฟดับสามคืน"})
    journey.page(client.get("/th/reports/new/where/").content.decode(), with_map=with_map)
    client.post("/th/reports/new/where/", {"village": "3", "road": "ถนนสายหลัก", "landmark": "หน้าวัด"})
    journey.page(client.get("/th/reports/new/photos/").content.decode())
    photo = io.BytesIO(_jpeg(_photo(1600, 1200), 85))
    photo.name = "light.jpg"
    response = client.post("/th/reports/new/photos/", {"photos": photo})
    assert response.status_code == 302, response.status_code
    journey.page(client.get("/th/reports/new/done/").content.decode())
    return journey


def _bulk(office, count):
    light = Category.objects.get(office=office, code="street-light")
    rng = random.Random(11)
    statuses = [SubmissionStatus.SUBMITTED, SubmissionStatus.IN_REVIEW, SubmissionStatus.COMPLETED]
    today = datetime.date.today()
    submissions = Submission.objects.bulk_create(
        Submission(
            reference=f"RP-69-{100000 + n}", office=office, service_title="ไฟฟ้าส่องสว่างดับ", language="th",
            status=statuses[n % 3], processing_days=7, expected_completion=today,
        )
        for n in range(count)
    )  # fmt: skip
    ProblemReport.objects.bulk_create(
        ProblemReport(
            submission=submission, office=office, category=light, village=str(1 + n % 14),
            road=f"ซอย {n % 40}", respond_by=today,
            latitude=Decimal(f"{19.75 + rng.random() * 0.3:.6f}") if n % 20 else None,
            longitude=Decimal(f"{99.70 + rng.random() * 0.3:.6f}") if n % 20 else None,
        )
        for n, submission in enumerate(submissions)
    )  # fmt: skip
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE problems_problemreport")


def run(report):
    build_thai_home(site_name="Bench")
    office = default_office()
    OfficeArea.objects.update_or_create(
        office=office,
        defaults={"latitude": "19.91", "longitude": "99.83", "village_count": 14, "tile_url": ""},
    )
    plain = _journey(Client(), office, with_map=False)
    report("report a problem, 3 steps + done, no map offered: pages", plain.pages // 1024, "KiB")
    report("report a problem, 3 steps + done, no map offered: total", plain.total // 1024, "KiB")
    OfficeArea.objects.filter(office=office).update(tile_url=TILES)
    closed = _journey(Client(), office, with_map=False)
    opened = _journey(Client(), office, with_map=True)
    report("report a problem, map offered, not opened: total", closed.total // 1024, "KiB")
    report("report a problem, map opened (tiles apart): total", opened.total // 1024, "KiB")
    report(f"  + {PHONE_TILES} tiles at 5-20 KiB from the office's server", PHONE_TILES * 20, "KiB at most")
    for path, size in sorted(opened.assets.items(), key=lambda item: -item[1])[:6]:
        report(f"  largest: {path.rsplit('/', 1)[-1]}", size // 1024, "KiB")

    camera = _photo(4000, 3000)
    full = _jpeg(camera, 92)
    scale = 1600 / 4000
    shrunk = _jpeg(camera.resize((1600, round(3000 * scale)), Image.Resampling.LANCZOS), 85)
    report("photo upload, 4000x3000 camera JPEG, without script", len(full) // 1024, "KiB")
    report("photo upload, shrunk to 1600 px JPEG .85 (as the script)", len(shrunk) // 1024, "KiB")

    _bulk(office, 10_000)
    for label, query in (
        ("opened, whole board (zoom 13)", "?zoom=13"),
        ("zoomed in (zoom 17, a view)", "?zoom=17&bbox=99.80,19.88,99.86,19.94"),
        ("all at zoom 19, filtered by state", "?zoom=19&state=received"),
    ):
        seconds, queries, size = measure_get(f"/th/reports/map.json{query}", repeat=10)
        points = len(json.loads(Client().get(f"/th/reports/map.json{query}").content)["points"])
        report(f"board map data, 10,000 cases, {label}: time", seconds * 1000, "ms")
        report(f"board map data, 10,000 cases, {label}: size", size // 1024, "KiB")
        report(f"board map data, 10,000 cases, {label}: points", points, f"(max {board_map.MAX_POINTS})")
        report(f"board map data, 10,000 cases, {label}: queries", queries, "queries")
