"""A field type only the tests register (with the `plate_type` fixture): a Thai vehicle registration
plate. It shows that a type from outside `eforms` needs no migration and may erase in its own way."""

import re

import pytest
from django import forms

from eforms import field_types
from eforms.field_types import FieldType

PLATE = re.compile(r"^(?P<number>[0-9ก-ฮ]{1,3}\s?\d{1,4})\s+(?P<province>\S+)$")


class PlateType(FieldType):
    label = "ทะเบียนรถ"

    def form_field(self, spec, options):
        return forms.RegexField(PLATE, max_length=40, **options)

    def anonymise(self, item):
        """The province names no one: it stays for the office's statistics."""
        match = PLATE.match(item.get("value") or "")
        province = match["province"] if match else None
        return {**item, "value": province, "display": province or "", "erased": True}


@pytest.fixture
def plate_type():
    """The plate type registered for one test, as another app's `field_types` module would."""
    field_types.register("test_plate")(PlateType)
    yield field_types.get("test_plate")
    field_types.unregister("test_plate")
