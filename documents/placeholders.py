"""`{field_key}` placeholders in a document template: which ones a text uses, whether the service's
form has them, and the text with the request's values put in."""

import re

from django.utils.translation import gettext as _

from documents.constants import FIXED_PLACEHOLDERS

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
KEY = re.compile(r"^[A-Za-z0-9_]{1,50}$")


def used(text: str) -> list[str]:
    return [name.strip() for name in PLACEHOLDER.findall(text or "")]


def field_keys(service) -> set[str]:
    """The keys of the fields of the service's form (its Thai page's: keys are never translated)."""
    return {spec.key for spec in service.specific.field_specs}


def syntax_errors(texts: dict) -> dict:
    """{field name: [messages]} for placeholders that cannot be a field's key."""
    errors = {}
    for name, text in texts.items():
        for placeholder in used(text):
            if not KEY.match(placeholder):
                errors.setdefault(name, []).append(
                    _("“{%(name)s}” is not a placeholder: use the key of a field, like {business_name}.")
                    % {"name": placeholder}
                )
    return errors


def unknown_field_errors(texts: dict, service) -> dict:
    """{field name: [messages]} for placeholders naming a field the service's form does not have."""
    keys = field_keys(service) | set(FIXED_PLACEHOLDERS)
    errors = {}
    for name, text in texts.items():
        for placeholder in used(text):
            if placeholder not in keys:
                errors.setdefault(name, []).append(
                    _("The form of “%(service)s” has no field “%(key)s”.")
                    % {"service": service.title, "key": placeholder}
                )
    return errors


def fill(text: str, values: dict) -> str:
    """The plain text with each placeholder replaced by its value (templates escape it when shown)."""
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1).strip(), "")), text or "")
