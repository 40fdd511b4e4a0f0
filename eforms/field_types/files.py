"""Uploaded files: several per question, checked by content (not name) and size, kept between steps."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eforms import validators
from eforms.field_types.base import FieldType
from eforms.field_types.registry import register

#: What the browser's file picker offers for each allowed type.
ACCEPT = {"pdf": ".pdf,application/pdf", "jpg": ".jpg,.jpeg,image/jpeg", "png": ".png,image/png"}


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


@register("file")
class FileType(FieldType):
    """The cleaned value is `{"kept": [stored file descriptions], "new": [uploads]}`; the wizard keeps
    the files in private storage (`eforms.wizard`) and the answer is their ids and names."""

    label = _("File upload")
    layout = "file"
    holds_files = True

    def required_message(self, spec):
        return _("Upload a file for “%(label)s”.") % {"label": spec.label}

    def form_field(self, spec, options):
        # Required is checked by `clean_answer`, which also counts the files kept from earlier.
        options["required"] = False
        attrs = {"accept": ",".join(ACCEPT[t] for t in spec.allowed_types)}
        if spec.max_files > 1:
            return MultipleFileField(widget=MultipleFileInput(attrs=attrs), **options)
        return MultipleFileField(widget=forms.ClearableFileInput(attrs=attrs), **options)

    def form_fields(self, spec, *, conditional=False, stored_files=()):
        fields = super().form_fields(spec, conditional=conditional)
        if stored_files:
            fields[f"{spec.key}__remove"] = forms.MultipleChoiceField(
                label=_("Remove"),
                required=False,
                choices=[(f["id"], f["name"]) for f in stored_files],
                widget=forms.CheckboxSelectMultiple,
            )
        return fields

    def validate_upload(self, spec, uploaded) -> str:
        """Checks one upload against the question's types and size; returns the detected type."""
        return validators.validate_upload(uploaded, spec.allowed_types, spec.max_bytes)

    def clean_answer(self, form, spec, cleaned):
        new_files = cleaned.get(spec.key) or []
        remove = set(cleaned.pop(f"{spec.key}__remove", []) or [])
        kept = [f for f in form.stored_files.get(spec.key, []) if f["id"] not in remove]
        errors = []
        accepted = []
        for uploaded in new_files:
            try:
                uploaded.detected_type = self.validate_upload(spec, uploaded)
                accepted.append(uploaded)
            except ValidationError as error:
                errors.extend(error.messages)
        if len(kept) + len(accepted) > spec.max_files:
            errors.append(_("You can upload at most %(count)s file(s) here.") % {"count": spec.max_files})
        if (
            not errors
            and spec.required
            and spec.key not in form.same_step_conditional
            and not (kept or accepted)
        ):
            errors.append(self.required_message(spec))
        if errors:
            form.add_error(spec.key, errors)
            cleaned.pop(spec.key, None)
            return
        cleaned[spec.key] = {"kept": kept, "new": accepted}

    def is_empty(self, value):
        return not value or not (value["kept"] or value["new"])

    def layout_item(self, form, spec):
        item = super().layout_item(form, spec)
        item["stored"] = form.stored_files.get(spec.key, [])
        remove = f"{spec.key}__remove"
        item["remove"] = form[remove] if remove in form.fields else None
        return item

    def answer(self, cleaned_value):
        return [f["id"] for f in cleaned_value["kept"]] + [u.name for u in cleaned_value["new"]]

    def stored_value(self, spec, value, files=None):
        return [{"name": f["name"], "size": f["size"]} for f in files or []]

    def display_value(self, spec, value, files=None):
        return ", ".join(f["name"] for f in files or [])

    def form_data(self, spec, value):
        return {}  # the files themselves are copied (`eforms.prefill.copy_files`)
