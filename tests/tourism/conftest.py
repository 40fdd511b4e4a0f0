"""Fixtures for the tourism tests: an index page under the Thai home page, and page factories."""

import datetime
import io
import itertools

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tourism.models import AttractionCategory, AttractionPage, EventPage, OpeningPeriod, TourismIndexPage

_numbers = itertools.count(1)


def make_image(title="photo"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1000), (30, 120, 80)).save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name=f"{title}.png")
    image.save()
    return image


def make_attraction(index, title=None, lat="19.9105", lon="99.8406", periods=(), image=None, **fields):
    number = next(_numbers)
    gallery = []
    if image is not None:
        gallery = [("image", {"image": image, "alt_text": f"ภาพ {number}", "caption": ""})]
    page = AttractionPage(
        title=title or f"สถานที่ {number}",
        slug=f"place-{number}",
        summary="สรุป",
        latitude=lat,
        longitude=lon,
        gallery=gallery,
        opening_periods=[OpeningPeriod(weekday=d, opens=o, closes=c) for d, o, c in periods],
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_event(
    index, title=None, start=datetime.date(2026, 12, 5), end=None, kind="single", image=None, **fields
):
    number = next(_numbers)
    fields.setdefault("place_name", "ลานกิจกรรม")
    if image is not None:
        fields["gallery"] = [("image", {"image": image, "alt_text": f"ภาพกิจกรรม {number}", "caption": ""})]
    page = EventPage(
        title=title or f"กิจกรรม {number}",
        slug=f"event-{number}",
        summary="สรุปกิจกรรม",
        date_kind=kind,
        start_date=start,
        end_date=end,
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def index(thai_home):
    page = TourismIndexPage(title="ท่องเที่ยว", slug="tourism", introduction="เที่ยวดอยงาม")
    thai_home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def temple(thai):
    return AttractionCategory.objects.create(locale=thai, name="วัด", slug="temple", sort_order=1)


@pytest.fixture
def market(thai):
    return AttractionCategory.objects.create(locale=thai, name="ตลาด", slug="market", sort_order=2)
