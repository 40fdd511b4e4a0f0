"""Personal identifiers in stored answers: finding a person's requests and erasing their data.

The data-subject request tool and the retention command call these with a submission's snapshot
(`Submission.answers`: a list of `{"key", "label", "type", "step", "value", "display"}`). Which answers
are identifiers, how they compare and how they are erased is decided by each answer's field type.
"""

from eforms.field_types.registry import get, registered


def identifier_kinds() -> dict:
    """{kind: label} of every kind of personal identifier some type holds ("email", "phone",
    "national_id" …), in the editor's order of the types."""
    kinds = {}
    for field_type in registered():
        if field_type.identifier_kind and field_type.identifier_kind not in kinds:
            kinds[field_type.identifier_kind] = field_type.identifier_label
    return kinds


def _type_of_kind(kind: str):
    """The first registered type holding `kind`: it normalises the administrator's search."""
    return next((t for t in registered() if t.identifier_kind == kind), None)


def normalise_identifier(kind: str, text: str) -> str:
    """`text` as identifiers of `kind` are compared (digits of a phone with 0 for +66, lower-case email)."""
    field_type = _type_of_kind(kind)
    return field_type.normalise_identifier(text) if field_type else (text or "").strip()


def recognise_identifier(text: str) -> tuple[str, str] | None:
    """(kind, normalised identifier) for what an administrator typed, or None when it is no kind."""
    for kind in identifier_kinds():
        key = _type_of_kind(kind).recognise_identifier(text)
        if key:
            return kind, key
    return None


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def matches(item: dict, kind: str, key: str) -> bool:
    """Whether the stored answer `item` names the person whose identifier of `kind` is `key`
    (normalised). Every text in the answer counts, so a phone number written in a short-text answer
    is found too; an answer of a type holding `kind` is compared the way that type normalises it."""
    field_type = get(item.get("type", ""))
    if field_type.identifier_kind != kind:
        field_type = _type_of_kind(kind)
        if field_type is None:
            return False
    return any(field_type.normalise_identifier(text) == key for text in _texts(item.get("value")))


def identifier_values(answers: list, kind: str) -> list[str]:
    """The normalised identifiers of `kind` the snapshot's answers of such types hold, each once."""
    values = []
    for item in answers or []:
        field_type = get(item.get("type", ""))
        if field_type.identifier_kind != kind:
            continue
        for text in _texts(item.get("value")):
            value = field_type.normalise_identifier(text)
            if value and value not in values:
                values.append(value)
    return values


def anonymise_answers(answers: list) -> list:
    """The snapshot with its personal data erased, each answer as its type says (by default: value
    removed; key, label, type, step and order kept)."""
    return [get(item.get("type", "")).anonymise(item) for item in answers or []]
