import datetime

import pytest
from django.db import transaction

from casework.models import Submission
from casework.references import format_reference, normalise_reference, parse_reference, year_code
from casework.services import next_reference
from offices.lookup import default_office


def test_year_code_is_buddhist_era():
    assert year_code(2026) == "69"
    assert year_code(2043) == "86"


def test_format_and_parse_round_trip():
    reference = format_reference("BS", 2026, 123)
    assert reference == "BS-69-000123"
    assert parse_reference(reference) == ("BS", "69", 123)
    assert parse_reference(" bs–69–000123 ") == ("BS", "69", 123)
    assert normalise_reference("bs 69-000123") == "BS69-000123"


@pytest.mark.parametrize("prefix", ["B", "bs", "ABCDE", "B1"])
def test_bad_prefix_refused(prefix):
    with pytest.raises(ValueError):
        format_reference(prefix, 2026, 1)


def test_parse_rejects_other_text():
    assert parse_reference("hello") is None
    assert parse_reference("BS-2569-1") is None


def test_sequence_per_prefix_and_year(site_pages):
    office = default_office()
    when = datetime.datetime(2026, 12, 31, 10, tzinfo=datetime.UTC)
    with transaction.atomic():
        assert next_reference("BS", office=office, when=when) == "BS-69-000001"
        assert next_reference("BS", office=office, when=when) == "BS-69-000002"
        assert next_reference("FS", office=office, when=when) == "FS-69-000001"
        assert next_reference("BS", office=office, when=when + datetime.timedelta(days=1)) == "BS-70-000001"


def test_the_office_is_required_to_count_and_to_look_up(site_pages):
    with pytest.raises(TypeError):
        next_reference("BS")  # the point: forgetting the office fails at once
    with pytest.raises(TypeError):
        Submission.objects.by_reference("BS-69-000001")
