"""What every e-form field type knows. Subclass `FieldType`, override what differs, and register it.

A type is used in three places: the editor's form builder (the type's `label` in the select,
`validate_field()` on the editor's settings), the citizen's wizard (`form_fields()`, `clean_answer()`,
`layout_item()`), and the stored answers (`stored_value()`, `display_value()`, and the personal-data
hooks used to find a person's requests and to erase them). See docs/adding-a-field-type.md.
"""

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

#: Answers that count as "not answered".
EMPTY_VALUES = (None, "", [], {}, ())


def split_choices(text: str) -> list[str]:
    """The editor's choices, one per line (or separated by commas when written on one line)."""
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return lines


def json_value(value):
    """A cleaned value as JSON stores it: ISO dates and times, decimals as plain text."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return value


class FieldType:
    """One kind of question. The defaults make a one-line text answer; override what differs.

    `id` is set by `@register("id")`: it is stored in `EFormField.field_type` and in every
    submission's snapshot, so it never changes once a form uses it (16 characters at most).
    """

    id: str = ""
    #: Shown in the editor's "field type" select, translated.
    label = _("Short text")
    #: Which template draws it: "input", "group", "checkbox", "file" or "address" (see `template`).
    layout = "input"
    #: The answer is one or several of the editor's choices (stored by position).
    is_choice = False
    #: Not a question: starts a new step, its label the step's title.
    is_step_break = False
    #: The answer is uploaded files (kept in private storage between steps, moved on submit).
    holds_files = False
    #: A ticked box counts as the person's consent (required when consent is the legal basis).
    records_consent = False
    #: The answer is where the acknowledgement and later messages are sent.
    holds_contact_email = False
    #: The first answer of such a type names the applicant when no field is keyed like a name.
    may_hold_name = False
    #: The kind of personal identifier the answer is ("email", "phone", "national_id"), or None.
    #: Data-subject requests search answers of these kinds and erase them.
    identifier_kind: str | None = None
    #: The kind's name for the administrator ("Phone number"); set with `identifier_kind`.
    identifier_label = None

    def __repr__(self):
        return f"<{type(self).__name__} {self.id!r}>"

    # The editor's side ------------------------------------------------------------------------
    def validate_field(self, field):
        """Check the editor's settings of `field` (an `EFormField`); raise a ValidationError (a dict
        by model field) when they cannot work. Override when the type needs choices or settings."""

    # The citizen's form ----------------------------------------------------------------------
    def field_options(self, spec) -> dict:
        """Keyword arguments every Django form field of this question gets."""
        return {
            "label": spec.label,
            "help_text": spec.help_text,
            "required": spec.required,
            "initial": spec.default_value or None,
            "error_messages": {"required": self.required_message(spec)},
        }

    def form_field(self, spec, options) -> forms.Field | None:
        """The Django form field for a one-input question. Most types override only this."""
        return forms.CharField(max_length=255, **options)

    def form_fields(self, spec, *, conditional=False, stored_files=()) -> dict:
        """Every input of the question, by its name in the form. Override for several inputs (an
        address's parts, a file's "remove" ticks).

        `conditional`: the question depends on another answer of the same step, so the step form
        decides later whether it is required. `stored_files`: what the citizen uploaded earlier.
        """
        field = self.form_field(spec, self.field_options(spec))
        if field is None:
            return {}
        if conditional:
            field.required = False
        return {spec.key: field}

    def required_message(self, spec) -> str:
        """The error when a required question is left empty, in the citizen's language."""
        return _("Fill in “%(label)s”.") % {"label": spec.label}

    def clean_answer(self, form, spec, cleaned: dict):
        """After each input was cleaned: combine several inputs into the answer under `spec.key`, or
        check what needs more than one input (add errors with `form.add_error`)."""

    def is_empty(self, value) -> bool:
        """Whether a cleaned answer counts as not answered (a required question then has an error)."""
        return value in (None, "", [], False)

    def first_input_name(self, spec) -> str:
        """The input an error about the whole question is shown at (and the error summary links to)."""
        return spec.key

    @property
    def template(self) -> str:
        """The include that draws the question; a new layout brings its own template."""
        return f"eforms/includes/fields/{self.layout}.html"

    def layout_item(self, form, spec) -> dict:
        """What the template gets for this question (`item` in `eforms/includes/field.html`)."""
        return {
            "spec": spec,
            "kind": self.layout,
            "template": self.template,
            "field": form[spec.key],
            "conditional": spec.key in form.same_step_conditional,
        }

    def answer(self, cleaned_value):
        """The answer the wizard keeps (for conditions and the review) from the cleaned value."""
        return cleaned_value

    # Stored answers ---------------------------------------------------------------------------
    def stored_value(self, spec, value, files=None):
        """The answer as the submission's JSON stores it. `files`: the question's uploads, if any."""
        return json_value(value)

    def display_value(self, spec, value, files=None) -> str:
        """The answer written out in the active language, for the review page and the snapshot.
        Called only for an answer that is not empty."""
        return str(json_value(value))

    def form_data(self, spec, value) -> dict:
        """The inputs (name: list of values) that give back a stored answer: a renewal's form starts
        from the last application's answers (`eforms.prefill`). Return {} to ask again."""
        if value in EMPTY_VALUES:
            return {}
        values = value if isinstance(value, list) else [value]
        return {spec.key: [str(v) for v in values]}

    # Personal data ----------------------------------------------------------------------------
    def normalise_identifier(self, text: str) -> str:
        """The identifier as it is compared when a person's data is searched for."""
        return (text or "").strip()

    def recognise_identifier(self, text: str) -> str | None:
        """The normalised identifier if `text` (typed by an administrator) is one of this type's kind,
        else None. Only for types with an `identifier_kind`."""
        return None

    def anonymise(self, item: dict) -> dict:
        """A snapshot entry with its personal data erased. Key, label, type, step and order stay so
        the request still reads as a form; override to keep a value that names no one."""
        return {**item, "value": None, "display": "", "erased": True}


class UnregisteredType(FieldType):
    """Stands in for a type that is no longer registered (its code was removed): its questions are
    asked as short text and its stored answers still display and erase, instead of failing."""

    def __init__(self, type_id: str):
        self.id = type_id
        self.label = type_id
