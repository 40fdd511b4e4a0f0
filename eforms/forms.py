"""Django forms for the citizen's wizard, built from the editor's fields (one form class per step)."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from eforms import validators
from eforms.constants import ADDRESS_PARTS, FieldType

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by the step form (type by content, size, count)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


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


class ThaiNationalIdField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"})

    def clean(self, value):
        value = super().clean(value)
        return validators.validate_national_id(value) if value else value


class ThaiPhoneField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.input_type = "tel"
        self.widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def clean(self, value):
        value = super().clean(value)
        return validators.validate_phone(value) if value else value


def required_message(spec):
    if spec.field_type == FieldType.FILE:
        return _("Upload a file for “%(label)s”.") % {"label": spec.label}
    if spec.field_type == FieldType.CONSENT:
        return _("You must agree to “%(label)s” to continue.") % {"label": spec.label}
    if spec.is_choice:
        return _("Choose an answer for “%(label)s”.") % {"label": spec.label}
    return _("Fill in “%(label)s”.") % {"label": spec.label}


class EFormBuilder(FormBuilder):
    """Wagtail's form builder with our field types; `fields` are `FieldSpec`s. One method per type."""

    def get_field_options(self, field):
        return {
            "label": field.label,
            "help_text": field.help_text,
            "required": field.required,
            "initial": field.default_value or None,
            "error_messages": {"required": required_message(field)},
        }

    def get_formatted_field_choices(self, field):
        return field.choice_list

    def get_formatted_field_initial(self, field):
        labels = {label: value for value, label in field.choice_list}
        return [labels[v] for v in (field.default_value or "").splitlines() if v in labels]

    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=255, **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **options)

    def create_email_field(self, field, options):
        options["error_messages"]["invalid"] = _("Enter an email address like name@example.com.")
        field = forms.EmailField(**options)
        field.widget.attrs["autocomplete"] = "email"
        return field

    def create_phone_field(self, field, options):
        return ThaiPhoneField(**options)

    def create_number_field(self, field, options):
        options["error_messages"]["invalid"] = _("Enter a number, such as 25 or 3.5.")
        field = forms.DecimalField(max_digits=14, decimal_places=2, **options)
        field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
        return field

    def create_date_field(self, field, options):
        options["error_messages"]["invalid"] = _("Enter a real date, such as 23/11/2569.")
        return ThaiDateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **options)

    def create_dropdown_field(self, field, options):
        options["choices"] = [("", _("Choose…"))] + self.get_formatted_field_choices(field)
        return forms.ChoiceField(**options)

    def create_radio_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.ChoiceField(widget=forms.RadioSelect, **options)

    def create_checkboxes_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        options["initial"] = [
            value for value, label in field.choice_list if label in (field.default_value or "").splitlines()
        ]
        return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, **options)

    def create_consent_field(self, field, options):
        options["initial"] = False
        return forms.BooleanField(**options)

    def create_national_id_field(self, field, options):
        return ThaiNationalIdField(**options)

    def create_file_field(self, field, options):
        # Required is checked by the step form, which also counts the files kept from earlier.
        options["required"] = False
        types = {"pdf": ".pdf,application/pdf", "jpg": ".jpg,.jpeg,image/jpeg", "png": ".png,image/png"}
        accept = ",".join(types[t] for t in field.allowed_types)
        widget_attrs = {"accept": accept}
        if field.max_files > 1:
            return MultipleFileField(widget=MultipleFileInput(attrs=widget_attrs), **options)
        return MultipleFileField(widget=forms.ClearableFileInput(attrs=widget_attrs), **options)

    def create_thai_address_field(self, field, options):
        return None  # expanded into one field per part by the step form

    def create_step_field(self, field, options):
        return None


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
        builder = EFormBuilder([])
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
            if spec.field_type == FieldType.THAI_ADDRESS:
                for part, part_label in ADDRESS_PARTS:
                    part_field = forms.CharField(
                        label=part_label,
                        max_length=10 if part == "postcode" else 120,
                        required=spec.required and part != "village" and not conditional,
                        error_messages={
                            "required": _("Fill in the %(part)s.") % {"part": str(part_label).lower()}
                        },
                    )
                    if part == "postcode":
                        part_field.widget.attrs.update(
                            {"inputmode": "numeric", "autocomplete": "postal-code"}
                        )
                    self.fields[f"{spec.key}__{part}"] = part_field
                continue
            options = builder.get_field_options(spec)
            form_field = builder.get_create_field_function(spec.field_type)(spec, options)
            if conditional:
                form_field.required = False
            self.fields[spec.key] = form_field
            if spec.field_type == FieldType.FILE and self.stored_files.get(spec.key):
                self.fields[f"{spec.key}__remove"] = forms.MultipleChoiceField(
                    label=_("Remove"),
                    required=False,
                    choices=[(f["id"], f["name"]) for f in self.stored_files[spec.key]],
                    widget=forms.CheckboxSelectMultiple,
                )

    def clean(self):
        cleaned = super().clean()
        for spec in self.specs:
            if spec.field_type == FieldType.THAI_ADDRESS:
                self._clean_address(spec, cleaned)
            elif spec.field_type == FieldType.FILE:
                self._clean_files(spec, cleaned)
        # Same-step conditions: drop hidden answers, require shown ones.
        answers = {**self.answers_before, **cleaned}
        for spec in self.specs:
            if spec.key not in self.same_step_conditional:
                continue
            if not spec.shown(answers):
                cleaned.pop(spec.key, None)
                for error_key in [k for k in self.errors if k == spec.key or k.startswith(f"{spec.key}__")]:
                    del self.errors[error_key]
            elif spec.required and self._is_empty(spec, cleaned) and spec.key not in self.errors:
                self.add_error(self._first_input_name(spec), required_message(spec))
        return cleaned

    @staticmethod
    def _is_empty(spec, cleaned):
        value = cleaned.get(spec.key)
        if spec.field_type == FieldType.FILE:
            return not value or not (value["kept"] or value["new"])
        if spec.field_type == FieldType.THAI_ADDRESS:
            return not value or not any(value.values())
        return value in (None, "", [], False)

    @staticmethod
    def _first_input_name(spec):
        return f"{spec.key}__house_no" if spec.field_type == FieldType.THAI_ADDRESS else spec.key

    def _clean_address(self, spec, cleaned):
        parts = {
            part: (cleaned.pop(f"{spec.key}__{part}", "") or "").strip() for part, _label in ADDRESS_PARTS
        }
        postcode = parts["postcode"].translate(THAI_DIGITS)
        if postcode and not re.fullmatch(r"\d{5}", postcode):
            self.add_error(f"{spec.key}__postcode", _("A postcode has 5 digits."))
        parts["postcode"] = postcode
        cleaned[spec.key] = parts if any(parts.values()) else {}

    def _clean_files(self, spec, cleaned):
        new_files = cleaned.get(spec.key) or []
        remove = set(cleaned.pop(f"{spec.key}__remove", []) or [])
        kept = [f for f in self.stored_files.get(spec.key, []) if f["id"] not in remove]
        errors = []
        accepted = []
        for uploaded in new_files:
            try:
                uploaded.detected_type = validators.validate_upload(
                    uploaded, spec.allowed_types, spec.max_bytes
                )
                accepted.append(uploaded)
            except ValidationError as error:
                errors.extend(error.messages)
        if len(kept) + len(accepted) > spec.max_files:
            errors.append(_("You can upload at most %(count)s file(s) here.") % {"count": spec.max_files})
        if (
            not errors
            and spec.required
            and spec.key not in self.same_step_conditional
            and not (kept or accepted)
        ):
            errors.append(required_message(spec))
        if errors:
            self.add_error(spec.key, errors)
            cleaned.pop(spec.key, None)
            return
        cleaned[spec.key] = {"kept": kept, "new": accepted}

    # Rendering helpers.
    def layout(self):
        """What the template renders, in order: single fields, address groups, with their spec."""
        items = []
        for spec in self.specs:
            if spec.field_type == FieldType.THAI_ADDRESS:
                parts = [self[f"{spec.key}__{part}"] for part, _label in ADDRESS_PARTS]
                items.append(
                    {
                        "spec": spec,
                        "kind": "address",
                        "parts": parts,
                        "conditional": spec.key in self.same_step_conditional,
                    }
                )
                continue
            bound = self[spec.key]
            kind = {
                FieldType.RADIO: "group",
                FieldType.CHECKBOXES: "group",
                FieldType.CONSENT: "checkbox",
                FieldType.FILE: "file",
            }.get(spec.field_type, "input")
            item = {
                "spec": spec,
                "kind": kind,
                "field": bound,
                "conditional": spec.key in self.same_step_conditional,
            }
            if kind == "file":
                item["stored"] = self.stored_files.get(spec.key, [])
                item["remove"] = self[f"{spec.key}__remove"] if f"{spec.key}__remove" in self.fields else None
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


def json_value(value):
    """A cleaned answer as JSON can store it."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal(1))) if value == value.to_integral() else str(value.normalize())
    return value
