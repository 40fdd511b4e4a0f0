"""The form's structure: fields as plain specs, split into steps at the editor's step breaks."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from eforms import conditions, field_types
from eforms.field_types import split_choices

FIRST_STEP = "start"
REVIEW_STEP = "review"
#: The key of the consent checkbox asked when consent is the basis and the editor added none.
CONSENT_KEY = "personal_data_consent"


@dataclass(frozen=True)
class FieldSpec:
    """One question as the wizard needs it (detached from the database row)."""

    key: str
    field_type: str
    label: str
    help_text: str = ""
    required: bool = True
    default_value: str = ""
    choices: str = ""
    condition_field: str = ""
    condition_choice: int | None = None
    condition_value: str = ""
    max_files: int = 1
    max_bytes: int = 10 * 1024 * 1024
    allowed_types: tuple = ("pdf", "jpg", "png")

    @property
    def type(self) -> field_types.FieldType:
        """The registered type: everything that differs between kinds of question is asked of it."""
        return field_types.get(self.field_type)

    @property
    def choice_list(self) -> list[tuple[str, str]]:
        """(value, label) pairs; the value is the position, the same in every language."""
        return [(str(number), label) for number, label in enumerate(split_choices(self.choices), start=1)]

    @property
    def is_choice(self):
        return self.type.is_choice

    def shown(self, answers: dict) -> bool:
        return conditions.is_met(self.condition_field, self.condition_choice, self.condition_value, answers)


@dataclass
class Step:
    name: str
    title: str
    intro: str = ""
    fields: list[FieldSpec] = field(default_factory=list)
    condition: FieldSpec | None = None  # the step break, when it carries a condition
    #: {field key: {choice position: price text}} for the choices that set the fee (`eforms.pricing`).
    choice_prices: dict = field(default_factory=dict)

    def shown(self, answers: dict) -> bool:
        return self.condition is None or self.condition.shown(answers)

    @property
    def keys(self):
        return {spec.key for spec in self.fields}


def spec_from_field(field) -> FieldSpec:
    return FieldSpec(
        key=field.clean_name or field.get_field_clean_name(),
        field_type=field.field_type,
        label=field.label,
        help_text=field.help_text,
        required=field.required,
        default_value=field.default_value,
        choices=field.choices,
        condition_field=field.condition_field,
        condition_choice=field.condition_choice,
        condition_value=field.condition_value,
        max_files=field.max_files or 1,
        max_bytes=(field.max_file_size_mb or 10) * 1024 * 1024,
        allowed_types=tuple(field.allowed_file_types) or ("pdf", "jpg", "png"),
    )


def split_into_steps(specs: list[FieldSpec], first_title=None) -> list[Step]:
    """Steps in order. Fields before the first step break form a first step titled `first_title`."""
    steps: list[Step] = []
    current = None
    for spec in specs:
        if spec.type.is_step_break:
            current = Step(
                name=spec.key,
                title=spec.label,
                intro=spec.help_text,
                condition=spec if spec.condition_field else None,
            )
            steps.append(current)
            continue
        if current is None:
            current = Step(name=FIRST_STEP, title=first_title or str(_("Your details")))
            steps.append(current)
        current.fields.append(spec)
    return [step for step in steps if step.fields]


def consent_as_the_basis_says(specs: list[FieldSpec], asks_consent: bool) -> list[FieldSpec]:
    """The form's questions with a consent checkbox exactly when consent is the legal basis, so the
    personal-data notice and the form never disagree: the editor's own checkbox when there is one
    (its wording), else one at the end of the last step; none at all on any other basis."""
    if not asks_consent:
        return [spec for spec in specs if not spec.type.records_consent]
    if any(spec.type.records_consent for spec in specs):
        return specs
    label = _("I agree that the office uses my personal data as “Your personal data” describes.")
    return [*specs, FieldSpec(key=CONSENT_KEY, field_type="consent", label=str(label))]


def step_count(steps: list[Step], answers: dict | None = None) -> int:
    """How many steps the citizen is told the form has: the steps shown for these answers (none yet,
    on the service page and at the start) and the last one, checking the answers. The service page and
    the wizard's "step 1 of N" both count with this."""
    answers = answers or {}
    return sum(1 for step in steps if step.shown(answers)) + 1
