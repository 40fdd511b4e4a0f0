"""The 13-digit Thai national ID number (เลขประจำตัวประชาชน), checked by its check digit."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from eforms import validators
from eforms.field_types.base import FieldType
from eforms.field_types.registry import register


class ThaiNationalIdField(forms.CharField):
    """Stored as its 13 digits, however it was typed (dashes, spaces, Thai digits)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"})

    def clean(self, value):
        value = super().clean(value)
        return validators.validate_national_id(value) if value else value


def format_national_id(digits: str) -> str:
    """`1-2345-67890-12-1`, as printed on the card; anything else as it is."""
    v = str(digits)
    if len(v) != 13:
        return v
    return f"{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}"


@register("national_id")
class NationalIdType(FieldType):
    label = _("Thai national ID number")
    identifier_kind = "national_id"
    identifier_label = _("Thai national ID number")

    def form_field(self, spec, options):
        return ThaiNationalIdField(**options)

    def display_value(self, spec, value, files=None):
        return format_national_id(value)

    def normalise_identifier(self, text):
        return validators.normalise_national_id(text)

    def recognise_identifier(self, text):
        digits = self.normalise_identifier((text or "").strip())
        return digits if re.fullmatch(r"\d{13}", digits) else None
