"""The field-type registry: every registered type asks, cleans, stores and shows its answer; an
unknown type is refused with a clear message; a new type needs no migration."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from eforms import field_types
from eforms.answers import snapshot
from eforms.forms import build_step_form_class
from eforms.models import EFormField
from eforms.steps import FieldSpec, Step, split_into_steps
from eforms.wizard import step_answers
from tests.eforms.factories import PDF_BYTES, VALID_ID

from .plate_type import PlateType, plate_type  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db

ADDRESS = {
    "house_no": "99",
    "village": "หมู่ 1",
    "subdistrict": "ดอยงาม",
    "district": "แม่ฟ้า",
    "province": "เชียงราย",
    "postcode": "๕๗๒๔๐",
}

#: For every built-in type: (what the citizen posts, the stored value, what Thai readers see).
#: A new type adds its line here; the test below fails until it does.
SAMPLES = {
    "singleline": ("สมชาย ใจดี", "สมชาย ใจดี", "สมชาย ใจดี"),
    "multiline": ("ไฟดับ\nหน้าบ้าน", "ไฟดับ\nหน้าบ้าน", "ไฟดับ\nหน้าบ้าน"),
    "email": ("somchai@example.com", "somchai@example.com", "somchai@example.com"),
    "phone": ("+66 81 234 5678", "0812345678", "0812345678"),
    "number": ("3.50", "3.5", "3.5"),
    "date": ("23/11/2569", "2026-11-23", "23 พฤศจิกายน 2569"),
    "time": ("๑๔.๓๐ น.", "14:30", "14.30 น."),
    "dropdown": ("2", "2", "ข"),
    "radio": ("1", "1", "ก"),
    "checkboxes": (["1", "3"], ["1", "3"], "ก, ค"),
    "file": (None, [{"name": "แบบแปลน.pdf", "size": len(PDF_BYTES)}], "แบบแปลน.pdf"),
    "national_id": ("1-1017-00207-03-0", VALID_ID, "1-1017-00207-03-0"),
    "thai_address": (
        ADDRESS,
        {**ADDRESS, "postcode": "57240"},
        "99 หมู่ 1 ดอยงาม แม่ฟ้า เชียงราย 57240",
    ),
    "consent": ("on", True, "ใช่"),
}


def one_question_form(type_id, data=None, files=None, **spec_options):
    spec = FieldSpec(key="answer", field_type=type_id, label="คำถาม", choices="ก\nข\nค", **spec_options)
    step = Step(name="start", title="ขั้นตอน", fields=[spec])
    return step, build_step_form_class(step)(data=data, files=files, prefix="start")


def post_data(type_id, value):
    if type_id == "thai_address":
        return {f"start-answer__{part}": text for part, text in value.items()}
    return {"start-answer": value} if value is not None else {}


def test_every_registered_type_has_a_sample_here():
    questions = {t.id for t in field_types.registered() if not t.is_step_break}
    assert questions == set(SAMPLES)


@pytest.mark.parametrize("type_id", sorted(SAMPLES))
def test_each_type_renders_cleans_stores_and_shows_its_answer(type_id):
    posted, stored, shown = SAMPLES[type_id]
    files = {}
    if type_id == "file":
        files = {"start-answer": SimpleUploadedFile("แบบแปลน.pdf", PDF_BYTES, content_type="application/pdf")}
    with translation.override("th"):
        step, blank = one_question_form(type_id)
        html = "".join(
            render_to_string("eforms/includes/field.html", {"item": item}) for item in blank.layout()
        )
        assert "คำถาม" in html and 'name="start-answer' in html

        step, form = one_question_form(type_id, data=post_data(type_id, posted), files=files)
        assert form.is_valid(), form.errors
        answers = step_answers(form)
        uploads = {"answer": [{"name": "แบบแปลน.pdf", "size": len(PDF_BYTES)}]} if type_id == "file" else {}
        [entry] = snapshot([step], answers, {"start"}, uploads)
    assert entry["type"] == type_id and entry["label"] == "คำถาม"
    assert entry["value"] == stored and entry["display"] == shown
    assert json.loads(json.dumps(entry)) == entry  # the submission's JSON column can hold it


@pytest.mark.parametrize("type_id", sorted(SAMPLES))
def test_each_type_refuses_an_empty_required_answer(type_id):
    with translation.override("th"):
        step, form = one_question_form(type_id, data={"start-other": "x"})
        assert not form.is_valid()
        spec = step.fields[0]
        if spec.type.layout != "address":  # an address names the missing part instead
            assert spec.type.required_message(spec) in form.errors[spec.type.first_input_name(spec)]


def test_a_step_break_is_no_question_but_starts_a_step():
    specs = [
        FieldSpec(key="name", field_type="singleline", label="ชื่อ"),
        FieldSpec(key="event", field_type="step", label="รายละเอียดงาน", help_text="บอกเราเกี่ยวกับงาน"),
        FieldSpec(key="starts_at", field_type="time", label="เวลาเริ่ม"),
    ]
    steps = split_into_steps(specs, first_title="ผู้ยื่น")
    assert [(s.name, s.title, [f.key for f in s.fields]) for s in steps] == [
        ("start", "ผู้ยื่น", ["name"]),
        ("event", "รายละเอียดงาน", ["starts_at"]),
    ]
    assert steps[1].intro == "บอกเราเกี่ยวกับงาน"


def test_the_editors_select_lists_every_type_in_their_language():
    choices = EFormField._meta.get_field("field_type").choices
    ids = [value for value, _label in choices]
    assert ids[:4] == ["singleline", "multiline", "email", "phone"] and "time" in ids and ids[-1] == "step"
    labels = dict(choices)
    with translation.override("th"):
        assert str(labels["time"]) == "เวลา" and str(labels["national_id"]) == "เลขประจำตัวประชาชน"
    with translation.override("en"):
        assert str(labels["time"]) == "Time of day"


@pytest.mark.parametrize(
    "language, message",
    [
        ("th", "“signature” ไม่ใช่ประเภทช่องของเว็บไซต์นี้ กรุณาเลือกจากรายการ"),
        ("en", "“signature” is not a field type of this site: choose one from the list."),
    ],
)
def test_an_unknown_type_is_refused_by_the_model_with_one_clear_message(language, message):
    unknown = EFormField(key="sign", field_type="signature", label="ลายมือชื่อ")
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            unknown.clean()
        assert error.value.message_dict["field_type"] == [message]
        with pytest.raises(ValidationError) as error:
            unknown.full_clean(exclude=["page"])
        assert error.value.message_dict["field_type"] == [message]


def test_a_choice_type_needs_choices():
    with pytest.raises(ValidationError) as error:
        EFormField(key="kind", field_type="radio", label="ประเภท", choices="").clean()
    assert "choices" in error.value.message_dict
    EFormField(key="kind", field_type="radio", label="ประเภท", choices="ก\nข").clean()


def test_ids_are_checked_when_registering():
    with pytest.raises(ValueError, match="already registered"):
        field_types.register("time")(PlateType)
    with pytest.raises(ValueError, match="at most 16"):
        field_types.register("a_type_id_much_too_long")(PlateType)
    with pytest.raises(TypeError):
        field_types.register("plain")(object)


def test_an_unregistered_type_in_old_rows_is_asked_as_short_text(caplog):
    step, form = one_question_form("retired_type", data={"start-answer": "ข้อความ"})
    assert form.is_valid()
    [entry] = snapshot([step], step_answers(form), {"start"}, {})
    assert entry["display"] == "ข้อความ"


def test_registering_a_type_makes_no_migration(plate_type):  # noqa: F811
    assert ("test_plate", "ทะเบียนรถ") in EFormField._meta.get_field("field_type").choices
    EFormField(key="plate", field_type="test_plate", label="ทะเบียนรถ").clean()
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # exits with 1 on changes


def test_a_registered_type_is_asked_in_the_wizards_step_form(plate_type):  # noqa: F811
    step, form = one_question_form("test_plate", data={"start-answer": "กข 1234 เชียงราย"})
    assert form.is_valid()
    assert step_answers(form) == {"answer": "กข 1234 เชียงราย"}
    step, form = one_question_form("test_plate", data={"start-answer": "ไม่ใช่ทะเบียน"})
    assert not form.is_valid()


#: Types whose stored answer does not come back into the form: files are copied instead
#: (`eforms.prefill.copy_files`), consent is given again for each request.
NOT_PREFILLED = {"file", "consent"}


@pytest.mark.parametrize("type_id", sorted(SAMPLES))
def test_each_stored_answer_fills_the_form_in_again(type_id):
    """A renewal starts from the last request's answers: the stored value, given back to the form
    (`FieldType.form_data`), is the same answer again."""
    _posted, stored, shown = SAMPLES[type_id]
    spec = FieldSpec(key="answer", field_type=type_id, label="คำถาม", choices="ก\nข\nค")
    data = {f"start-{name}": values for name, values in spec.type.form_data(spec, stored).items()}
    if type_id in NOT_PREFILLED:
        assert data == {}
        return
    with translation.override("th"):
        step, form = one_question_form(type_id, data=MultiValueDict(data))
        assert form.is_valid(), form.errors
        [entry] = snapshot([step], step_answers(form), {"start"}, {})
    assert entry["value"] == stored and entry["display"] == shown
