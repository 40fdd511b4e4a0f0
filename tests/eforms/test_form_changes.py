"""Editing a form after citizens have used it never changes what an earlier submission shows."""

import pytest

from casework.models import Submission
from eforms.models import EFormField
from tests.eforms.factories import field, make_service

from .wizard_client import Wizard

pytestmark = pytest.mark.django_db


def test_edit_after_submission_keeps_the_snapshot(client, catalogue):
    page = make_service(
        catalogue,
        slug="light",
        fields=[
            field("pole", "singleline", "หมายเลขเสาไฟ"),
            field("problem", "radio", "ปัญหา", choices="ไม่ติด\nกะพริบ"),
        ],
    )
    wizard = Wizard(client, page)
    wizard.post("start", {"pole": "A-12", "problem": "2"})
    wizard.post("review", {"website": ""})
    submission = Submission.objects.get()

    # The editor changes the choices, deletes a field and publishes, as in the admin.
    page = page.get_latest_revision_as_object()
    problem = next(f for f in page.form_fields.all() if f.key == "problem")
    problem.choices = "ดับ\nติดตลอดเวลา"
    problem.label = "อาการ"
    page.form_fields = [problem]
    page.save_revision().publish()
    assert list(page.form_fields.values_list("label", flat=True)) == ["อาการ"]

    submission.refresh_from_db()
    assert [(a["label"], a["display"]) for a in submission.answers] == [
        ("หมายเลขเสาไฟ", "A-12"),
        ("ปัญหา", "กะพริบ"),
    ]


def test_keys_are_stable_and_unique_for_thai_labels(catalogue):
    page = make_service(
        catalogue,
        slug="keys",
        fields=[
            EFormField(label="ชื่อ", field_type="singleline"),
            EFormField(label="ชื่อเล่น", field_type="singleline"),
        ],
    )
    keys = list(EFormField.objects.filter(page=page).order_by("sort_order").values_list("key", flat=True))
    assert len(set(keys)) == 2 and all(k.startswith("f_") for k in keys)
    field_obj = EFormField.objects.filter(page=page).order_by("sort_order").first()
    field_obj.label = "ชื่อจริง"
    field_obj.save()
    assert field_obj.key == keys[0]


def test_conditions_are_stored_by_choice_position(catalogue):
    page = make_service(
        catalogue,
        slug="cond",
        fields=[
            field("who", "radio", "ยื่นในนาม", choices="บุคคล\nบริษัท"),
            field("company", "singleline", "ชื่อบริษัท", condition_field="who", condition_value="บริษัท"),
        ],
    )
    assert page.form_fields.get(key="company").condition_choice == 2
