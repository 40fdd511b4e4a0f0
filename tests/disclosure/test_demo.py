"""The demo loads an illustrative OIT list for the current fiscal year, links what Tambon already
publishes, and fills in its procurement notices; running it again adds nothing."""

import pytest
from django.test import Client
from freezegun import freeze_time

from disclosure.demo import ITEMS, load_checklist
from disclosure.models import DisclosureItem
from disclosure.report import report
from home.demo.signals import demo_loaded

pytestmark = pytest.mark.django_db


def test_the_demo_receiver_is_connected():
    assert any(key[0] == "disclosure-demo" for key, *_rest in demo_loaded.receivers)


@freeze_time("2026-12-06")
def test_the_demo_list_is_plausible_and_loaded_once(first_office):
    assert 20 <= len(ITEMS) <= 40
    assert load_checklist(first_office, 2570) == len(ITEMS)
    assert load_checklist(first_office, 2570) == 0
    assert DisclosureItem.objects.filter(office=first_office, fiscal_year=2570).count() == len(ITEMS)
    response = Client().get("/th/oit/")
    codes = [item.code for item, _links in response.context["rows"]]
    assert codes[:3] == ["O1", "O2", "O3"] and codes[9] == "O10"
    rows = {row.item.code: row for row in report(first_office, 2570)}
    assert rows["O15"].ok  # the statistics page, always current
    assert not rows["O5"].ok  # nothing linked yet: the report says so
