"""The field types by id. `EFormField.field_type` takes its choices from here, so a new type needs no
migration; the order of registration is the order of the editor's select."""

import logging
import re

from eforms.field_types.base import FieldType, UnregisteredType

logger = logging.getLogger(__name__)

#: What `EFormField.field_type` can hold (its column is 16 characters wide).
TYPE_ID = re.compile(r"^[a-z][a-z0-9_]{0,15}$")

_types: dict[str, FieldType] = {}
_warned: set[str] = set()


def register(type_id: str):
    """Class decorator: `@register("time")` makes the type available to editors under that id.

    Registering an id twice is refused, so two apps cannot silently take each other's type.
    """
    if not TYPE_ID.match(type_id or ""):
        raise ValueError(f"Field type id {type_id!r}: lower-case letters, digits, _; at most 16 characters.")

    def decorator(cls):
        if not (isinstance(cls, type) and issubclass(cls, FieldType)):
            raise TypeError(f"{cls!r} is not a FieldType subclass.")
        if type_id in _types and type(_types[type_id]) is not cls:
            raise ValueError(f"The field type {type_id!r} is already registered by {_types[type_id]!r}.")
        cls.id = type_id
        _types[type_id] = cls()
        return cls

    return decorator


def unregister(type_id: str) -> None:
    """Remove a type (for tests that register a type of their own)."""
    _types.pop(type_id, None)


def is_registered(type_id: str) -> bool:
    return type_id in _types


def get(type_id: str) -> FieldType:
    """The type registered under `type_id`. For an id no longer registered (stored in old rows and
    snapshots), a stand-in that asks a short text and shows the stored answer, and a logged warning."""
    try:
        return _types[type_id]
    except KeyError:
        if type_id not in _warned:
            _warned.add(type_id)
            logger.warning("E-form field type %r is not registered", type_id)
        return UnregisteredType(type_id)


def registered() -> list[FieldType]:
    """Every registered type, in the editor's order."""
    return list(_types.values())


def field_type_choices() -> list[tuple[str, object]]:
    """(id, translated label) of every type: the choices of `EFormField.field_type`.

    The migration refers to this function, not to the list, so registering a type makes no migration.
    """
    return [(field_type.id, field_type.label) for field_type in _types.values()]
