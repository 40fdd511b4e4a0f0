"""Answers chosen from the editor's list: stored by position ("1", "2" …), so every language version
of the form posts the same values and a condition written in Thai holds in English."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eforms.field_types.base import FieldType, split_choices
from eforms.field_types.registry import register


class ChoiceType(FieldType):
    """Base of the types whose answer is one or several of the editor's choices."""

    is_choice = True
    layout = "group"

    def validate_field(self, field):
        if not split_choices(field.choices):
            raise ValidationError({"choices": _("Give at least one choice.")})

    def required_message(self, spec):
        return _("Choose an answer for “%(label)s”.") % {"label": spec.label}

    def field_options(self, spec):
        options = super().field_options(spec)
        options["choices"] = spec.choice_list
        positions = {label: value for value, label in spec.choice_list}
        options["initial"] = positions.get((spec.default_value or "").strip())
        return options

    def display_value(self, spec, value, files=None):
        labels = dict(spec.choice_list)
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)


@register("dropdown")
class DropdownType(ChoiceType):
    label = _("Dropdown")
    layout = "input"

    def form_field(self, spec, options):
        options["choices"] = [("", _("Choose…"))] + options["choices"]
        return forms.ChoiceField(**options)


@register("radio")
class RadioType(ChoiceType):
    label = _("Radio buttons")

    def form_field(self, spec, options):
        return forms.ChoiceField(widget=forms.RadioSelect, **options)


@register("checkboxes")
class CheckboxesType(ChoiceType):
    label = _("Checkboxes")

    def form_field(self, spec, options):
        defaults = (spec.default_value or "").splitlines()
        options["initial"] = [value for value, label in spec.choice_list if label in defaults]
        return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, **options)
