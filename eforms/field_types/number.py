"""A number: an area in square metres, a count of people, an amount."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from eforms.field_types.base import FieldType
from eforms.field_types.registry import register


@register("number")
class NumberType(FieldType):
    label = _("Number")

    def form_field(self, spec, options):
        options["error_messages"]["invalid"] = _("Enter a number, such as 25 or 3.5.")
        field = forms.DecimalField(max_digits=14, decimal_places=2, **options)
        field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
        return field

    def display_value(self, spec, value, files=None):
        return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
