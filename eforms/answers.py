"""Answers as people read them: the snapshot stored with a submission and shown on the review page.

How each answer is stored and written out is its field type's business (`eforms.field_types`).
"""

from eforms.field_types.base import EMPTY_VALUES


def display_value(spec, value, files=None) -> str:
    """The answer written out in the active language (choice labels, Thai dates, file names)."""
    if value in EMPTY_VALUES:
        return ""
    return spec.type.display_value(spec, value, files)


def stored_value(spec, value, files=None):
    """The answer as JSON stores it: choice values, ISO dates, file descriptions."""
    return spec.type.stored_value(spec, value, files)


def question_files(spec, files: dict):
    """The uploads of a question whose answer is files, else None."""
    return files.get(spec.key, []) if spec.type.holds_files else None


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
            step_files = question_files(spec, files)
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
