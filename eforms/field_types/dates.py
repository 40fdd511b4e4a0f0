"""A date, typed in the Buddhist Era as Thai people write it, or picked with the browser's date input."""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from eforms.field_types.base import THAI_DIGITS, FieldType
from eforms.field_types.registry import register
from home.dates import format_date


class ThaiDateField(forms.DateField):
    """A date typed as 23/11/2569 (Buddhist Era), 23/11/2026, or picked with the browser's date input."""

    input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]

    def to_python(self, value):
        if isinstance(value, str):
            value = value.translate(THAI_DIGITS).strip()
            match = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", value)
            if match and int(match[4]) > 2400:
                value = f"{match[1]}/{match[3]}/{int(match[4]) - 543}"
        return super().to_python(value)


@register("date")
class DateType(FieldType):
    label = _("Date")

    def form_field(self, spec, options):
        options["error_messages"]["invalid"] = _("Enter a real date, such as 23/11/2569.")
        return ThaiDateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **options)

    def display_value(self, spec, value, files=None):
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return value
        return format_date(value)
