"""Each app declares its own personal data in its `privacy.py`; privacy/ finds them all and runs them
together. A declaration touches only its own app's models."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from casework.models import Submission, SubmissionFile
from outbox.models import Message
from privacy import erasure, registry
from security.models import CitizenDevice
from tests.casework.factories import make_submission

ROOT = Path(settings.BASE_DIR)


def test_every_app_holding_personal_data_is_discovered():
    found = {d.name: type(d).__module__ for d in registry.declarations()}
    assert found == {
        "submissions": "casework.privacy",
        "payments": "payments.privacy",
        "saved_drafts": "eforms.privacy",
        "emails": "outbox.privacy",
        "code_devices": "security.privacy",
        "problem_reports": "problems.privacy",
        "documents": "documents.privacy",
        "line_bindings": "line.privacy",
        "line_officer_links": "line.privacy",
    }
    orders = [getattr(d, "order", 100) for d in registry.declarations()]
    assert orders == sorted(orders)  # requests first: they are locked before the rest is erased


@pytest.mark.parametrize("path", sorted(ROOT.glob("*/privacy.py")), ids=lambda p: p.parent.name)
def test_a_declaration_imports_only_its_own_apps_models(path):
    app = path.parent.name
    ours = {p.parent.name for p in ROOT.glob("*/apps.py")}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and ".models" in node.module:
            top = node.module.split(".")[0]
            assert top not in ours or top == app, f"{path}: {node.module}"


@pytest.mark.django_db
def test_one_failing_app_erases_nothing(handled_service, monkeypatch):
    submission = make_submission(handled_service, status="completed")
    record = SubmissionFile(
        submission=submission, field_key="doc", original_name="บัตร.pdf", file_type="pdf", size=5
    )
    record.file.save("x.pdf", ContentFile(b"%PDF-"))
    path = record.file.path
    Message.objects.create(reference=submission.reference, submission_id=submission.pk, kind="k", to="a@example.com", language="th", subject="s", body="b")  # fmt: skip
    CitizenDevice.objects.create(submission_id=submission.pk, address="a@example.com", name="c")
    outbox_declaration = next(d for d in registry.declarations() if d.name == "emails")

    def broken(case, now):
        raise RuntimeError("the outbox could not be erased")

    monkeypatch.setattr(outbox_declaration, "anonymise_case", broken)
    with pytest.raises(RuntimeError):
        erasure.anonymise_case(submission.pk)
    submission.refresh_from_db()
    assert submission.anonymised_at is None and submission.applicant_email
    assert SubmissionFile.objects.filter(submission=submission).exists() and Path(path).exists()
    assert CitizenDevice.objects.filter(submission_id=submission.pk).exists()

    monkeypatch.undo()
    done = erasure.anonymise_case(submission.pk)
    assert done["files"] == 1 and done["emails"] == 1 and done["code_devices"] == 1
    assert not Path(path).exists()
    assert Submission.objects.get(pk=submission.pk).applicant_email == ""
