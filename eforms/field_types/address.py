"""A Thai address in its six parts, asked one input each so that none is forgotten."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from eforms.field_types.base import THAI_DIGITS, FieldType
from eforms.field_types.registry import register

#: Parts of a Thai address, in the order they are asked and written.
ADDRESS_PARTS = (
    ("house_no", _("House number")),
    ("village", _("Village (moo) or street")),
    ("subdistrict", _("Sub-district (tambon)")),
    ("district", _("District (amphoe)")),
    ("province", _("Province")),
    ("postcode", _("Postcode")),
)

#: Parts a citizen may leave empty even when the address is required.
OPTIONAL_PARTS = frozenset({"village"})


def format_address(parts: dict) -> str:
    """The parts on one line, in the order they are written."""
    return " ".join(parts[p] for p, _label in ADDRESS_PARTS if parts.get(p))


@register("thai_address")
class ThaiAddressType(FieldType):
    """The inputs are `<key>__house_no` … `<key>__postcode`; the answer is a dict of the parts."""

    label = _("Thai address")
    layout = "address"

    def form_fields(self, spec, *, conditional=False, stored_files=()):
        fields = {}
        for part, part_label in ADDRESS_PARTS:
            part_field = forms.CharField(
                label=part_label,
                max_length=10 if part == "postcode" else 120,
                required=spec.required and part not in OPTIONAL_PARTS and not conditional,
                error_messages={"required": _("Fill in the %(part)s.") % {"part": str(part_label).lower()}},
            )
            if part == "postcode":
                part_field.widget.attrs.update({"inputmode": "numeric", "autocomplete": "postal-code"})
            fields[f"{spec.key}__{part}"] = part_field
        return fields

    def clean_answer(self, form, spec, cleaned):
        parts = {
            part: (cleaned.pop(f"{spec.key}__{part}", "") or "").strip() for part, _label in ADDRESS_PARTS
        }
        postcode = parts["postcode"].translate(THAI_DIGITS)
        if postcode and not re.fullmatch(r"\d{5}", postcode):
            form.add_error(f"{spec.key}__postcode", _("A postcode has 5 digits."))
        parts["postcode"] = postcode
        cleaned[spec.key] = parts if any(parts.values()) else {}

    def is_empty(self, value):
        return not value or not any(value.values())

    def first_input_name(self, spec):
        return f"{spec.key}__house_no"

    def layout_item(self, form, spec):
        return {
            "spec": spec,
            "kind": self.layout,
            "template": self.template,
            "parts": [form[f"{spec.key}__{part}"] for part, _label in ADDRESS_PARTS],
            "conditional": spec.key in form.same_step_conditional,
        }

    def display_value(self, spec, value, files=None):
        return format_address(value) if isinstance(value, dict) else str(value)

    def form_data(self, spec, value):
        if not isinstance(value, dict):
            return {}
        return {f"{spec.key}__{part}": [str(value.get(part) or "")] for part, _label in ADDRESS_PARTS}
