"""Content pages of the demo site: server time, queries and HTML size, warm, per language."""

import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.bench.util import measure_get

PAGES = ["/th/", "/en/", "/th/news/", "/th/about/", "/en/taxes-and-fees/", "/th/search/?query=ขยะ"]
FIRST_VISIT_STATIC = [
    "css/tambon.css",
    "fonts/sarabun-thai-400-normal.woff2",
    "fonts/sarabun-thai-700-normal.woff2",
    "fonts/sarabun-latin-400-normal.woff2",
    "fonts/sarabun-latin-700-normal.woff2",
    "img/logo.svg",
]


def run(report):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = Client()
    for url in PAGES:
        seconds, queries, size = measure_get(url, client=client)
        report(f"GET {url} median", seconds * 1000, "ms")
        report(f"GET {url} queries (warm)", queries)
        report(f"GET {url} HTML", size, "bytes")

    # What a first visit to the Thai home page downloads: HTML, CSS, fonts, logo and images.
    html = client.get("/th/").content.decode()
    static_bytes = sum(
        (Path(settings.BASE_DIR) / "static" / name).stat().st_size for name in FIRST_VISIT_STATIC
    )
    image_bytes = 0

    for src in set(re.findall(r'<img[^>]+src="(/media/[^"]+)"', html)):
        image_bytes += (Path(settings.MEDIA_ROOT) / src.removeprefix("/media/")).stat().st_size
    report(
        "home /th/ first visit: HTML + CSS + fonts + images", len(html) + static_bytes + image_bytes, "bytes"
    )
