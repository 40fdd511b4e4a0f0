"""Free text: one line (names, short answers) or several (descriptions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from eforms.field_types.base import FieldType
from eforms.field_types.registry import register


@register("singleline")
class SingleLineType(FieldType):
    label = _("Short text")
    may_hold_name = True


@register("multiline")
class MultiLineType(FieldType):
    label = _("Long text")

    def form_field(self, spec, options):
        return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **options)
