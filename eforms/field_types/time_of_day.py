"""A time of day (เวลา): when an event starts, when a loudspeaker will be used, when a hall is booked.

Citizens write times the Thai way, "14.30 น.", or "14:30", with Thai or Arabic digits; a browser
without JavaScript needs nothing more than a text input. Stored as "14:30"; shown as "14.30 น." in
Thai (the official style) and "14:30" in English.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from eforms.field_types.base import THAI_DIGITS, FieldType
from eforms.field_types.registry import register

# "14.30", "14:30", "14:30:00" (a browser's time input), "9.05", "14 น.", "2.30 pm".
TIME_TEXT = re.compile(
    r"(?P<hour>\d{1,2})(?:\s*[.:]\s*(?P<minute>\d{2})(?::\d{2})?)?"
    r"\s*(?P<suffix>น\.?|นาฬิกา|[ap]\.?\s*m\.?)?",
    re.IGNORECASE,
)


def parse_time(text: str) -> datetime.time | None:
    """The time a citizen wrote, or None. An hour alone needs "น." or am/pm ("14" is too unsure)."""
    match = TIME_TEXT.fullmatch((text or "").translate(THAI_DIGITS).strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    suffix = (match["suffix"] or "").lower().replace(".", "").replace(" ", "")
    if match["minute"] is None and not suffix:
        return None
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def format_time(value: datetime.time, language: str | None = None) -> str:
    """ "14.30 น." in Thai, "14:30" in English."""
    language = (language or get_language() or "th").split("-")[0]
    if language == "th":
        return f"{value.hour:02d}.{value.minute:02d} น."
    return f"{value.hour}:{value.minute:02d}"


class TimeOfDayField(forms.TimeField):
    widget = forms.TimeInput(format="%H:%M", attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        parsed = parse_time(str(value))
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


@register("time")
class TimeOfDayType(FieldType):
    label = _("Time of day")

    def form_field(self, spec, options):
        options["error_messages"]["invalid"] = _("Enter a time of day, such as 14.30 or 14:30.")
        if options["initial"]:
            options["initial"] = parse_time(options["initial"])
        return TimeOfDayField(**options)

    def display_value(self, spec, value, files=None):
        if isinstance(value, str):
            value = parse_time(value) or value
        return format_time(value) if isinstance(value, datetime.time) else str(value)
