"""What a model service holds and what an office may change in its copy, as plain values.

One normaliser (`snapshot`) reads an e-service page (saved or not) into JSON values; the library's
versions, an adoption's baseline and an office's current page are all read by it, so comparing them
compares like with like. `changes` is the readable field-by-field difference; `merge` takes a newer
version without overwriting what the office changed since it adopted.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from eforms.models import EFormField, EServicePage

#: The page's fields the library provides, in the order the admin's diff shows them. The slug, the
#: office's contact phone and email, its own promise (`promised_days`, the citizen's charter) and retention
#: are the office's own and never compared.
PAGE_FIELDS = [
    "title",
    "introduction",
    "category",
    "reference_prefix",
    "legal_basis",
    "procedure_steps",
    "documents_required",
    "fee_amount",
    "fee_note",
    "fee_due",
    "receipt_answers",
    "processing_days",
    "responsible_division",
    "personal_data_basis",
    "confirmation_text",
]
#: A form field's attributes; `key` names it and is never changed.
FORM_FIELD_ATTRIBUTES = [
    "field_type",
    "label",
    "help_text",
    "required",
    "choices",
    "default_value",
    "condition_field",
    "condition_value",
    "max_files",
    "max_file_size_mb",
    "accept_pdf",
    "accept_jpeg",
    "accept_png",
]
#: Texts that wagtail-localize offers translators (the English of a version covers them).
TRANSLATED_PAGE_FIELDS = [
    "title",
    "introduction",
    "legal_basis",
    "procedure_steps",
    "documents_required",
    "fee_note",
    "responsible_division",
    "personal_data_purpose",
    "confirmation_text",
]
TRANSLATED_FORM_FIELD_ATTRIBUTES = ["label", "help_text", "choices", "default_value"]


def _read(instance, name):
    """A field's value as JSON, the same whether the instance is saved or not (20 and "20" → "20.00")."""
    value = instance._meta.get_field(name).to_python(getattr(instance, name))
    return f"{value:.2f}" if isinstance(value, Decimal) else value


def form_fields_of(page):
    return sorted(page.form_fields.all(), key=lambda field: field.sort_order or 0)


def snapshot(page) -> dict:
    """{"page": {field: value}, "fields": [{"key": …, attribute: value}]}: what the library compares."""
    return {
        "page": {name: _read(page, name) for name in PAGE_FIELDS},
        "fields": [
            {"key": field.get_field_clean_name(), **{a: _read(field, a) for a in FORM_FIELD_ATTRIBUTES}}
            for field in form_fields_of(page)
        ],
    }


def texts(values) -> list[str]:
    """Every text a translator sees in these values, as wagtail-localize offers it (a multi-line text is
    one string, its lines joined by <br/>)."""
    found = [values["page"].get(name) or "" for name in TRANSLATED_PAGE_FIELDS if name in values["page"]]
    for field in values["fields"]:
        found += [field.get(a) or "" for a in TRANSLATED_FORM_FIELD_ATTRIBUTES]
    return [text.replace("\n", "<br/>") for text in found if text]


def new_page(values, **extra) -> EServicePage:
    """An unsaved page with these values and its form (the office's copy, before it is added)."""
    page = EServicePage(**{**values["page"], **extra})
    page.form_fields = [new_form_field(field, order) for order, field in enumerate(values["fields"])]
    return page


def new_form_field(field, order) -> EFormField:
    return EFormField(sort_order=order, **field)


# --- Differences --------------------------------------------------------------------------------

FIELD_PREFIX = "field:"


def units(values) -> dict:
    """The values as the units the office keeps or takes: each page field, and each form field by key."""
    result = {name: values["page"].get(name) for name in PAGE_FIELDS}
    for field in values["fields"]:
        result[FIELD_PREFIX + field["key"]] = field
    return result


def unit_label(unit) -> str:
    if unit.startswith(FIELD_PREFIX):
        return str(_("Form field “%(key)s”") % {"key": unit.removeprefix(FIELD_PREFIX)})
    return str(EServicePage._meta.get_field(unit).verbose_name)


@dataclass
class Change:
    """One unit the library changed between the office's version and the newest."""

    unit: str
    adopted: object  # the value in the office's version (None: not there)
    newest: object  # the value in the newest version (None: removed)
    current: object  # the office's value now (None: the office removed it)
    kept: bool  # the office changed it since adopting: its own value stays

    @property
    def label(self):
        return unit_label(self.unit)

    @property
    def is_form_field(self):
        return self.unit.startswith(FIELD_PREFIX)


def changes(baseline, newest, current) -> list[Change]:
    """What the library changed between `baseline` (the values the office adopted) and `newest`, each
    marked `kept` when the office changed that unit itself (its value is not the baseline's)."""
    old, new, now = units(baseline), units(newest), units(current)
    result = []
    for unit in [*new, *(u for u in old if u not in new)]:
        if old.get(unit) == new.get(unit):
            continue
        result.append(
            Change(
                unit=unit,
                adopted=old.get(unit),
                newest=new.get(unit),
                current=now.get(unit),
                kept=now.get(unit) != old.get(unit),
            )
        )
    return result


def own_changes(baseline, current) -> list[str]:
    """The units the office changed since it adopted (labels for the admin)."""
    old, now = units(baseline), units(current)
    return [unit for unit in [*now, *(u for u in old if u not in now)] if old.get(unit) != now.get(unit)]


def merge(baseline, newest, current) -> dict:
    """The values after taking `newest`: the library's value for every unit the office left as it was,
    the office's own for every unit it changed (a changed value, a form field it added or removed)."""
    page = {
        name: current["page"][name]
        if current["page"][name] != baseline["page"][name]
        else newest["page"][name]
        for name in PAGE_FIELDS
    }
    adopted = {f["key"]: f for f in baseline["fields"]}
    now = {f["key"]: f for f in current["fields"]}

    def office_changed(key):
        return adopted.get(key) != now.get(key)

    fields = []
    for field in newest["fields"]:
        key = field["key"]
        if not office_changed(key):
            fields.append(field)  # as adopted, or new in the library
        elif key in now:
            fields.append(now[key])  # the office's own version of it
        # else the office removed it, and it stays removed
    # The office's own fields, and fields the library dropped that the office had changed, stay where
    # they stood in the office's form: after the field they followed.
    taken = {f["key"] for f in fields}
    anchor = None
    for field in current["fields"]:
        key = field["key"]
        if key not in taken and office_changed(key):
            position = next((i + 1 for i, f in enumerate(fields) if f["key"] == anchor), 0)
            fields.insert(position, field)
            taken.add(key)
        if key in taken:
            anchor = key
    return {"page": page, "fields": fields}


def describe(unit, value) -> str:
    """A unit's value as the admin shows it: a choice by its label, a form field as one line."""
    if value is None:
        return str(_("(none)"))
    if unit.startswith(FIELD_PREFIX):
        parts = [value.get("label") or "", f"({value.get('field_type')})"]
        if not value.get("required"):
            parts.append(str(_("optional")))
        if value.get("choices"):
            parts.append(" / ".join(line for line in value["choices"].splitlines() if line))
        if value.get("condition_field"):
            parts.append(
                str(_("only if “%(field)s” is “%(value)s”"))
                % {"field": value["condition_field"], "value": value.get("condition_value", "")}
            )
        return " ".join(part for part in parts if part)
    field = EServicePage._meta.get_field(unit)
    if field.choices and value not in ("", None):
        return str(dict(field.flatchoices).get(value, value))
    if value == "":
        return str(_("(empty)"))
    return str(value)
