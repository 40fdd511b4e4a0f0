"""A form started with answers already in it — a licence's renewal starts from the last application.

The caller has proved who the citizen is (eforms does not know how); `start` puts the answers and
copies of the files in this browser's wizard slot, as a resumed draft does, and the wizard opens on
"Check your answers": the citizen confirms, or changes what changed. Every step is validated again
by the wizard as usual, so an answer the form no longer accepts sends the citizen to that step.

`origin` rides with the answers in the server's session (the citizen cannot alter it) and is handed to
the receiver with the finished form: the app that started the form registers what it means
(`eforms.origins`), so eforms never imports it.
"""

import secrets

from django.core.files import File

from eforms.steps import REVIEW_STEP
from eforms.storage import all_or_nothing, private_storage, random_path
from eforms.wizard import wizard_prefix


def step_data(page, answers: dict) -> dict:
    """The wizard's stored POST data of every step that has an answer, by step name. Only questions
    the form still asks get their answer (matched by key); each type turns its stored answer back
    into its inputs (`FieldType.form_data`)."""
    data = {}
    for step in page.form_steps:
        values = {}
        for spec in step.fields:
            if spec.key in answers:
                for name, value in spec.type.form_data(spec, answers[spec.key]).items():
                    values[f"{step.name}-{name}"] = value
        if values:
            data[step.name] = values
    return data


def copy_files(page, files: list) -> dict:
    """Copies of earlier files for the form's file questions: `files` are (key, name, size, type,
    opener) with `opener()` giving a readable file. Stored as the wizard keeps new uploads."""
    wanted = {spec.key: spec for spec in page.field_specs if spec.type.holds_files}
    kept: dict[str, list] = {}
    storage = private_storage()
    with all_or_nothing(storage) as written:
        for key, name, size, file_type, opener in files:
            spec = wanted.get(key)
            if spec is None or len(kept.get(key, [])) >= spec.max_files:
                continue
            with opener() as handle:
                tmp = written.save(random_path("tmp", name), File(handle))
            kept.setdefault(key, []).append(
                {"id": secrets.token_hex(8), "tmp": tmp, "name": name, "size": size, "type": file_type}
            )
    return kept


def start(request, page, *, answers: dict, files: list = (), origin: dict | None = None) -> str:
    """Fill this browser's wizard slot for `page` (replacing a form in progress there); returns the
    wizard's address, which opens on "Check your answers" (or the first step needing an answer)."""
    request.session[f"wizard_{wizard_prefix(page)}"] = {
        "step": REVIEW_STEP,
        "step_data": step_data(page, answers),
        "step_files": {},
        "extra_data": {"files": copy_files(page, list(files)), "origin": origin or {}},
    }
    return page.subpage_url("apply")
