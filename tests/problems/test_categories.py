"""Every office starts with categories it can edit, each with its division and its times."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from offices.lookup import default_office
from offices.models import Office
from problems.models import Category

pytestmark = pytest.mark.django_db

CODES = ["street-light", "garbage", "pothole", "blocked-drain", "fallen-tree", "mosquito", "corruption"]


def test_the_default_office_and_a_new_one_start_with_the_categories(site_pages):
    call_command(
        "create_office",
        domain="nongbua.example",
        code="nongbua",
        name_th="องค์การบริหารส่วนตำบลหนองบัว",
        name_en="Nong Bua SAO",
        stdout=StringIO(),
    )
    for office in (default_office(), Office.objects.get(code="nongbua")):
        categories = list(Category.objects.of(office))
        assert [c.code for c in categories] == CODES
        assert [c.code for c in categories if c.sensitive] == ["corruption"]
        assert all(c.name_th and c.name_en and c.description_th and c.resolution_days for c in categories)
    # Each office's are its own rows: changing one office's leaves the other's alone.
    Category.objects.filter(office=default_office(), code="garbage").update(resolution_days=2)
    assert Category.objects.get(office__code="nongbua", code="garbage").resolution_days == 3


def test_names_follow_the_language(site_pages):
    light = Category.objects.get(office=default_office(), code="street-light")
    with translation.override("en"):
        assert light.name == "Street light out"
    with translation.override("th"):
        assert light.name == "ไฟฟ้าส่องสว่างดับ"
