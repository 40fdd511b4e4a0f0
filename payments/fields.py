"""A model field that stores integer satang and shows baht in forms (officers think in baht)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from payments.money import baht_to_satang, satang_to_baht


class BahtFormField(forms.DecimalField):
    def __init__(self, **kwargs):
        for name in ("max_length", "max_value", "min_value", "max_digits", "decimal_places"):
            kwargs.pop(name, None)
        kwargs.pop("widget", None)
        super().__init__(max_digits=12, decimal_places=2, min_value=Decimal("0"), **kwargs)
        self.widget.attrs.update({"step": "0.01", "inputmode": "decimal"})

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return satang_to_baht(value)
        return value

    def clean(self, value):
        amount = super().clean(value)
        if amount is None:
            return None
        try:
            return baht_to_satang(amount)
        except ValueError as error:
            raise ValidationError(_("Enter an amount in baht, for example 40 or 40.50.")) from error


class SatangField(models.PositiveBigIntegerField):
    """Integer satang in the database; a baht amount with two decimals in forms."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": BahtFormField, **kwargs})
