"""A box the citizen ticks to agree (to the use of their data, to the office's terms)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eforms.field_types.base import FieldType
from eforms.field_types.registry import register


@register("consent")
class ConsentType(FieldType):
    label = _("Consent checkbox")
    layout = "checkbox"
    records_consent = True

    def required_message(self, spec):
        return _("You must agree to “%(label)s” to continue.") % {"label": spec.label}

    def form_field(self, spec, options):
        options["initial"] = False
        return forms.BooleanField(**options)

    def form_data(self, spec, value):
        return {}  # consent is given again for each request

    def display_value(self, spec, value, files=None):
        return gettext("Yes") if value else gettext("No")
