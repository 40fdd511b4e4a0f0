"""Tourism index with 500 attractions (and 40 events): server time and queries.

The query count must not depend on how many cards a page shows: it is reported for pages of 12 and
48 cards, and for the same page size with 50 and 500 attractions.
"""

import datetime
import io
import random

from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from tests.bench.util import measure_get
from tourism.models import AttractionCategory, AttractionPage, EventPage, OpeningPeriod, TourismIndexPage

CATEGORIES = ["temple", "nature", "viewpoint", "market", "museum", "community", "food"]


def _images(count):
    Image = get_image_model()
    images = []
    for number in range(count):
        buffer = io.BytesIO()
        PILImage.new("RGB", (1200, 800), (40 + number * 20, 120, 80)).save(buffer, format="JPEG")
        image = Image(title=f"bench {number}")
        image.file = ImageFile(buffer, name=f"bench-{number}.jpg")
        image.save()
        images.append(image)
    return images


def _site():
    thai = Locale.objects.get(language_code="th")
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePage(title="เทศบาลทดสอบ", slug="home", locale=thai)
    root.add_child(instance=home)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Bench"
    )
    index = TourismIndexPage(title="ท่องเที่ยว", slug="tourism", locale=thai)
    home.add_child(instance=index)
    return thai, index


def _add_attractions(index, thai, start, count, images, categories, rng):
    for number in range(start, start + count):
        page = AttractionPage(
            title=f"สถานที่ท่องเที่ยว {number}",
            slug=f"place-{number}",
            summary="สถานที่ท่องเที่ยวสำหรับการทดสอบความเร็ว",
            category=categories[number % len(categories)],
            latitude=f"{19.8 + rng.random() * 0.2:.6f}",
            longitude=f"{99.7 + rng.random() * 0.2:.6f}",
            always_open=number % 10 == 0,
            gallery=[("image", {"image": images[number % len(images)], "alt_text": "ภาพ", "caption": ""})],
            opening_periods=[
                OpeningPeriod(
                    weekday=day, opens=datetime.time(8), closes=datetime.time((17 + number % 9) % 24)
                )
                for day in range(7)
                if (day + number) % 7
            ],
        )
        index.add_child(instance=page)


def _queries(url):
    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def run(report):
    rng = random.Random(7)
    thai, index = _site()
    categories = [
        AttractionCategory.objects.create(locale=thai, name=slug, slug=slug, sort_order=n)
        for n, slug in enumerate(CATEGORIES)
    ]
    images = _images(12)
    today = datetime.date.today()
    for number in range(40):
        event = EventPage(
            title=f"กิจกรรม {number}",
            slug=f"event-{number}",
            summary="กิจกรรม",
            date_kind="single",
            start_date=today + datetime.timedelta(days=number * 3),
            place_name="ลาน",
            gallery=[("image", {"image": images[number % len(images)], "alt_text": "ภาพ", "caption": ""})],
        )
        index.add_child(instance=event)

    _add_attractions(index, thai, 0, 50, images, categories, rng)
    report("tourism index, 50 attractions, 12 cards: queries", _queries("/th/tourism/"), "queries")
    _add_attractions(index, thai, 50, 450, images, categories, rng)

    for per_page in (12, 48):
        TourismIndexPage.per_page = per_page
        seconds, queries, size = measure_get("/th/tourism/")
        report(f"tourism index, 500 attractions, {per_page} cards: server time", seconds * 1000, "ms")
        report(f"tourism index, 500 attractions, {per_page} cards: queries", queries, "queries")
        report(f"tourism index, 500 attractions, {per_page} cards: size", size // 1024, "KiB")
    TourismIndexPage.per_page = 12

    seconds, queries, _size = measure_get("/th/tourism/?open=now&events=month&category=temple")
    report("tourism index, 500, open now + category + month: time", seconds * 1000, "ms")
    report("tourism index, 500, open now + category + month: queries", queries, "queries")
    seconds, queries, _size = measure_get("/th/tourism/map/")
    report("tourism map, 500 attractions: server time", seconds * 1000, "ms")
    report("tourism map, 500 attractions: queries", queries, "queries")
    first = AttractionPage.objects.filter(slug="place-1").first()
    seconds, queries, _size = measure_get(first.url)
    report("attraction page (nearby among 500): server time", seconds * 1000, "ms")
    report("attraction page (nearby among 500): queries", queries, "queries")
