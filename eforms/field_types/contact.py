"""How to reach the applicant: an email address and a Thai phone number (both personal identifiers)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eforms import validators
from eforms.field_types.base import FieldType
from eforms.field_types.registry import register


@register("email")
class EmailType(FieldType):
    label = _("Email")
    holds_contact_email = True
    identifier_kind = "email"
    identifier_label = _("Email address")

    def form_field(self, spec, options):
        options["error_messages"]["invalid"] = _("Enter an email address like name@example.com.")
        field = forms.EmailField(**options)
        field.widget.attrs["autocomplete"] = "email"
        return field

    def normalise_identifier(self, text):
        return (text or "").strip().lower()

    def recognise_identifier(self, text):
        text = (text or "").strip()
        if "@" not in text:
            return None
        try:
            forms.EmailField().clean(text)
        except ValidationError:
            return None
        return self.normalise_identifier(text)


class ThaiPhoneField(forms.CharField):
    """A Thai landline or mobile number, stored as its digits (`0812345678`; +66 becomes 0)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.input_type = "tel"
        self.widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def clean(self, value):
        value = super().clean(value)
        return validators.validate_phone(value) if value else value


@register("phone")
class PhoneType(FieldType):
    label = _("Phone number")
    identifier_kind = "phone"
    identifier_label = _("Phone number")

    def form_field(self, spec, options):
        return ThaiPhoneField(**options)

    def normalise_identifier(self, text):
        return validators.normalise_phone(text)

    def recognise_identifier(self, text):
        phone = self.normalise_identifier(text)
        return phone if validators.THAI_PHONE.match(phone) else None
