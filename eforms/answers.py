"""Answers as people read them: the snapshot stored with a submission and shown on the review page."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from eforms.constants import ADDRESS_PARTS, FieldType
from home.dates import format_date


def format_address(parts: dict) -> str:
    order = [part for part, _label in ADDRESS_PARTS]
    return " ".join(parts[p] for p in order if parts.get(p))


def display_value(spec, value, files=None) -> str:
    """The answer written out in the active language (choice labels, Thai dates, file names)."""
    if value in (None, "", [], {}):
        return ""
    if spec.field_type == FieldType.FILE:
        return ", ".join(f["name"] for f in files or [])
    if spec.is_choice:
        labels = dict(spec.choice_list)
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    if spec.field_type == FieldType.CONSENT:
        return _("Yes") if value else _("No")
    if spec.field_type == FieldType.THAI_ADDRESS:
        return format_address(value)
    if isinstance(value, datetime.date):
        return format_date(value)
    if spec.field_type == FieldType.NATIONAL_ID and len(str(value)) == 13:
        v = str(value)
        return f"{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def stored_value(spec, value, files=None):
    """The answer as JSON stores it: choice values, ISO dates, file descriptions."""
    if spec.field_type == FieldType.FILE:
        return [{"name": f["name"], "size": f["size"]} for f in files or []]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return value


def snapshot(steps, answers: dict, shown_steps, files: dict) -> list[dict]:
    """Every shown question in order, with its label and answer as they are now (the submission keeps it)."""
    entries = []
    for step in steps:
        if step.name not in shown_steps:
            continue
        for spec in step.fields:
            if spec.key not in answers:
                continue  # hidden by a condition
            value = answers[spec.key]
            step_files = files.get(spec.key, []) if spec.field_type == FieldType.FILE else None
            entries.append(
                {
                    "key": spec.key,
                    "label": spec.label,
                    "type": spec.field_type,
                    "step": step.title,
                    "value": stored_value(spec, value, step_files),
                    "display": display_value(spec, value, step_files),
                }
            )
    return entries
