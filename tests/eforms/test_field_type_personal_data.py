"""Personal identifiers in answers, as the data-subject request tool and the retention use them: found
however they were typed, and erased as each field type says."""

import pytest
from django.utils import translation

from casework.models import Submission
from eforms import field_types
from tests.eforms.factories import VALID_ID

from .plate_type import plate_type  # noqa: F401 — the fixture
from .test_wizard_journey import STEP1, STEP2, pdf
from .wizard_client import Wizard

pytestmark = pytest.mark.django_db

SNAPSHOT = [
    {"key": "full_name", "label": "ชื่อ-นามสกุล", "type": "singleline", "step": "ผู้ยื่น", "value": "สมชาย ใจดี",
     "display": "สมชาย ใจดี"},
    {"key": "national_id", "label": "เลขประจำตัวประชาชน", "type": "national_id", "step": "ผู้ยื่น",
     "value": VALID_ID, "display": "1-1017-00207-03-0"},
    {"key": "email", "label": "อีเมล", "type": "email", "step": "ผู้ยื่น", "value": "Somchai@Example.com",
     "display": "Somchai@Example.com"},
    {"key": "phone", "label": "โทรศัพท์", "type": "phone", "step": "ผู้ยื่น", "value": "0812345678",
     "display": "0812345678"},
    {"key": "other_contact", "label": "ผู้ติดต่อแทน", "type": "singleline", "step": "ผู้ยื่น",
     "value": "089-999-9999", "display": "089-999-9999"},
    {"key": "address", "label": "ที่อยู่", "type": "thai_address", "step": "ที่อยู่",
     "value": {"house_no": "99", "province": "เชียงราย"}, "display": "99 เชียงราย"},
]  # fmt: skip


def test_the_kinds_of_identifier_come_from_the_types():
    with translation.override("en"):
        assert {kind: str(label) for kind, label in field_types.identifier_kinds().items()} == {
            "email": "Email address",
            "phone": "Phone number",
            "national_id": "Thai national ID number",
        }
    with translation.override("th"):
        assert str(field_types.identifier_kinds()["national_id"]) == "เลขประจำตัวประชาชน"


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("1-1017-00207-03-0", ("national_id", VALID_ID)),
        ("1 1017 00207 03 0", ("national_id", VALID_ID)),
        ("๑-๑๐๑๗-๐๐๒๐๗-๐๓-๐", ("national_id", VALID_ID)),
        ("+66 81 234 5678", ("phone", "0812345678")),
        ("๐๘๑-๒๓๔-๕๖๗๘", ("phone", "0812345678")),
        (" SOMCHAI@Example.com ", ("email", "somchai@example.com")),
        ("somchai@", None),
        ("สมชาย", None),
        ("12345", None),
    ],
)
def test_what_an_administrator_types_is_recognised(typed, expected):
    assert field_types.recognise_identifier(typed) == expected


def test_answers_match_however_the_identifier_was_typed():
    by_kind = [
        ("national_id", "๑-๑๐๑๗-๐๐๒๐๗-๐๓-๐"),
        ("phone", "+66 81 234 5678"),
        ("email", "SOMCHAI@example.COM"),
    ]
    for kind, typed in by_kind:
        key = field_types.normalise_identifier(kind, typed)
        assert [item["key"] for item in SNAPSHOT if field_types.matches(item, kind, key)] == [kind]
    # A phone number written in a short-text answer is found too.
    key = field_types.normalise_identifier("phone", "+66 89 999 9999")
    assert [item["key"] for item in SNAPSHOT if field_types.matches(item, "phone", key)] == ["other_contact"]
    assert not any(field_types.matches(item, "phone", "0800000000") for item in SNAPSHOT)


def test_identifier_values_are_those_of_the_types_holding_them():
    assert field_types.identifier_values(SNAPSHOT, "phone") == ["0812345678"]
    assert field_types.identifier_values(SNAPSHOT, "email") == ["somchai@example.com"]
    assert field_types.identifier_values(SNAPSHOT, "national_id") == [VALID_ID]


def test_a_submitted_request_is_found_by_an_id_typed_in_thai_digits(client, service):
    wizard = Wizard(client, service)
    wizard.post("start", {**STEP1, "national_id": "1-1017-00207-03-0", "phone": "+66 81 234 5678"})
    wizard.post("details_step", STEP2)
    wizard.post("documents_step", {"consent": "on"}, files={"id_card_copy": pdf()})
    wizard.post("review", {"website": ""})
    answers = Submission.objects.get().answers
    for typed in ("๑๑๐๑๗๐๐๒๐๗๐๓๐", "0812345678", "+66812345678"):
        kind, key = field_types.recognise_identifier(typed)
        assert any(field_types.matches(item, kind, key) for item in answers), typed


def test_anonymising_erases_every_value_by_default_and_keeps_the_form():
    erased = field_types.anonymise_answers(SNAPSHOT)
    assert [(i["key"], i["label"], i["type"], i["step"]) for i in erased] == [
        (i["key"], i["label"], i["type"], i["step"]) for i in SNAPSHOT
    ]
    assert all(i["value"] is None and i["display"] == "" and i["erased"] for i in erased)
    assert "สมชาย" not in str(erased) and VALID_ID not in str(erased)


def test_a_type_may_keep_what_names_no_one(plate_type):  # noqa: F811
    answers = [
        {"key": "plate", "label": "ทะเบียนรถ", "type": "test_plate", "step": "รถ", "value": "กข 1234 เชียงราย",
         "display": "กข 1234 เชียงราย"},
        {"key": "gone", "label": "ช่องเก่า", "type": "retired_type", "step": "รถ", "value": "x", "display": "x"},
    ]  # fmt: skip
    erased = field_types.anonymise_answers(answers)
    assert erased[0]["value"] == "เชียงราย" and "1234" not in str(erased[0])
    assert erased[1]["value"] is None and erased[1]["erased"]  # a type no longer registered: erased
