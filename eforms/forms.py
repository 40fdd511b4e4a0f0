"""Django forms for the citizen's wizard, built from the editor's fields (one form class per step).

Each question's inputs, cleaning and layout come from its field type (`eforms.field_types`).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eforms import conditions
from eforms.field_types.files import MultipleFileField, MultipleFileInput

__all__ = [
    "MultipleFileField",
    "MultipleFileInput",
    "ReviewForm",
    "SaveForLaterForm",
    "StepForm",
    "build_step_form_class",
]


class StepForm(forms.Form):
    """One step of an e-form. Built with the answers of earlier steps (for conditions) and the files
    this citizen uploaded earlier (so a back button or a reload loses nothing)."""

    step = None  # set on each step's subclass

    def __init__(self, *args, answers_before=None, stored_files=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.answers_before = answers_before or {}
        self.stored_files = stored_files or {}
        self.specs = []
        self.same_step_conditional = set()
        step_keys = self.step.keys
        for spec in self.step.fields:
            if (
                spec.condition_field
                and spec.condition_field not in step_keys
                and not spec.shown(self.answers_before)
            ):
                continue
            self.specs.append(spec)
            conditional = spec.condition_field in step_keys
            if conditional:
                self.same_step_conditional.add(spec.key)
            self.fields.update(
                spec.type.form_fields(
                    spec, conditional=conditional, stored_files=self.stored_files.get(spec.key, [])
                )
            )
            self._show_prices(spec.key, self.step.choice_prices.get(spec.key))

    def _show_prices(self, key, prices):
        """Each choice that sets the fee says its price, so the citizen knows it before choosing."""
        field = self.fields.get(key)
        if not prices or field is None or not hasattr(field, "choices"):
            return
        field.choices = [
            (value, f"{label} ({prices[value]})" if value in prices else label)
            for value, label in field.choices
        ]

    def clean(self):
        cleaned = super().clean()
        for spec in self.specs:
            spec.type.clean_answer(self, spec, cleaned)
        # Same-step conditions: drop hidden answers, require shown ones.
        answers = {**self.answers_before, **cleaned}
        for spec in self.specs:
            if spec.key not in self.same_step_conditional:
                continue
            if not spec.shown(answers):
                cleaned.pop(spec.key, None)
                for error_key in [k for k in self.errors if k == spec.key or k.startswith(f"{spec.key}__")]:
                    del self.errors[error_key]
            elif spec.required and spec.type.is_empty(cleaned.get(spec.key)) and spec.key not in self.errors:
                self.add_error(spec.type.first_input_name(spec), spec.type.required_message(spec))
        return cleaned

    # Rendering helpers.
    def layout(self):
        """What the template draws, in order: one item per question, as its type lays it out; a question
        that depends on another answer of this step says when it applies."""
        by_key = {spec.key: spec for spec in self.step.fields}
        items = []
        for spec in self.specs:
            item = spec.type.layout_item(self, spec)
            target = by_key.get(spec.condition_field)
            if item.get("conditional") and target is not None:
                item["condition_hint"] = conditions.describe(
                    target, spec.condition_choice, spec.condition_value
                )
            items.append(item)
        return items

    def prepare_for_render(self):
        """Links each input to its hint and error (aria-describedby) and marks invalid inputs."""
        for name, field in self.fields.items():
            described = []
            if field.help_text:
                described.append(f"{self.add_prefix(name)}-hint")
            if self.is_bound and name in self.errors:
                described.append(f"{self.add_prefix(name)}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if described and not isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def error_summary(self):
        """(input id, message) pairs for the error summary at the top of the page."""
        summary = []
        for name, errors in self.errors.items():
            if name == "__all__":
                summary.extend(("", str(e)) for e in errors)
                continue
            bound = self[name]
            widget_id = bound.id_for_label or bound.auto_id
            if isinstance(self.fields[name].widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                widget_id = f"{bound.auto_id}_0"
            summary.extend((widget_id, str(e)) for e in errors)
        return summary


def build_step_form_class(step):
    return type(f"StepForm_{step.name}", (StepForm,), {"step": step})


class ReviewForm(forms.Form):
    """The last step: nothing to fill in but a honeypot, invisible to people, tempting to robots."""

    website = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        kwargs.pop("answers_before", None)
        kwargs.pop("stored_files", None)
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Your request could not be sent. Please try again."), code="honeypot")
        return ""

    def prepare_for_render(self):
        pass

    def error_summary(self):
        return [("", str(e)) for errors in self.errors.values() for e in errors]


class SaveForLaterForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We will send you a link that brings back your answers and files for 30 days."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["email"]
        field.error_messages["required"] = _("Fill in “%(label)s”.") % {"label": field.label}
        field.error_messages["invalid"] = _("Enter an email address like name@example.com.")
        field.widget.attrs["autocomplete"] = "email"

    def error_summary(self):
        return [(self["email"].id_for_label, str(e)) for e in self.errors.get("email", [])]
