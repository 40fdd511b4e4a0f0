"""The e-form field types: one class per type, registered by the id stored in the database.

Everything outside this package asks a type (`get(spec.field_type)`, or `spec.type`) instead of
comparing ids. The built-in types are imported below, in the order of the editor's select; another
app adds its own in a `field_types` module, imported when Django starts (`EformsConfig.ready`).
See docs/adding-a-field-type.md.
"""

# isort: off
# The built-in types register themselves on import; this order is the order of the editor's select.
from eforms.field_types import text, contact, number, dates, time_of_day, choice  # noqa: F401
from eforms.field_types import files, national_id, address, consent, step  # noqa: F401

# isort: on
from eforms.field_types.base import FieldType, split_choices
from eforms.field_types.personal_data import (
    anonymise_answers,
    identifier_kinds,
    identifier_values,
    matches,
    normalise_identifier,
    recognise_identifier,
)
from eforms.field_types.registry import (
    field_type_choices,
    get,
    is_registered,
    register,
    registered,
    unregister,
)

__all__ = [
    "FieldType",
    "anonymise_answers",
    "field_type_choices",
    "get",
    "identifier_kinds",
    "identifier_values",
    "is_registered",
    "matches",
    "normalise_identifier",
    "recognise_identifier",
    "register",
    "registered",
    "split_choices",
    "unregister",
]
