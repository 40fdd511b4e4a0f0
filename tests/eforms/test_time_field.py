"""The example field type, "time of day" (เวลา), end to end: the editor adds it in the admin, a citizen
answers it in Thai or English without JavaScript, the review page and the stored request show it."""

import datetime

import pytest
from wagtail.users.models import UserProfile

from casework.models import Submission
from eforms.field_types.time_of_day import parse_time
from eforms.models import EServicePage
from tests.conftest import publish_translation
from tests.eforms.factories import field, make_service

from .admin_form import add_inline, form_values
from .wizard_client import Wizard

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14:30", (14, 30)),
        ("14.30", (14, 30)),
        ("14.30 น.", (14, 30)),
        ("14.30น", (14, 30)),
        ("๑๔.๓๐ น.", (14, 30)),
        (" 9.05 ", (9, 5)),
        ("08:00:00", (8, 0)),  # a browser's time input
        ("14 น.", (14, 0)),
        ("9 นาฬิกา", (9, 0)),
        ("2.30 pm", (14, 30)),
        ("12 a.m.", (0, 0)),
        ("14", None),  # an hour alone is too unsure
        ("25.00", None),
        ("14.75", None),
        ("13 pm", None),
        ("บ่ายสองโมง", None),
        ("", None),
    ],
)
def test_times_as_citizens_write_them(text, expected):
    assert parse_time(text) == (datetime.time(*expected) if expected else None)


@pytest.fixture
def event_permit(catalogue):
    """A loudspeaker permit for an event: when it starts and (optionally) when it ends."""
    return make_service(
        catalogue,
        slug="loudspeaker",
        title="ขออนุญาตใช้เครื่องขยายเสียง",
        reference_prefix="LS",
        fields=[
            field("event_name", "singleline", "ชื่องาน"),
            field("starts_at", "time", "เวลาเริ่ม"),
            field("ends_at", "time", "เวลาเลิก", required=False),
        ],
    )


def test_a_citizen_answers_a_time_in_thai(client, event_permit):
    wizard = Wizard(client, event_permit)
    first = wizard.get().content.decode()
    assert 'name="start-starts_at"' in first and 'inputmode="decimal"' in first
    assert 'type="time"' not in first  # a plain text input: "14.30 น." is how people write it

    response = wizard.post("start", {"event_name": "งานบวช", "starts_at": "25.00"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "กรุณากรอกเวลาให้ถูกต้อง เช่น 14.30 หรือ 14:30" in text
    assert 'value="25.00"' in text and 'value="งานบวช"' in text  # nothing typed is lost

    response = wizard.post("start", {"event_name": "งานบวช", "starts_at": "๑๔.๓๐ น.", "ends_at": "9 pm"})
    assert response.status_code == 302
    review = wizard.get().content.decode()
    assert "14.30 น." in review and "21.00 น." in review

    assert wizard.post("review", {"website": ""}).status_code == 302
    submission = Submission.objects.get()
    assert submission.answer("starts_at") == "14:30" and submission.answer("ends_at") == "21:00"
    assert [(a["label"], a["type"], a["display"]) for a in submission.answers][1:] == [
        ("เวลาเริ่ม", "time", "14.30 น."),
        ("เวลาเลิก", "time", "21.00 น."),
    ]


def test_a_citizen_answers_a_time_in_english(client, event_permit, english):
    publish_translation(event_permit.get_parent(), english)
    page = publish_translation(event_permit, english)
    wizard = Wizard(client, page)
    response = wizard.post("start", {"event_name": "Ordination", "starts_at": "half past two"})
    assert "Enter a time of day, such as 14.30 or 14:30." in response.content.decode()

    wizard.post("start", {"event_name": "Ordination", "starts_at": "14:30"})
    review = wizard.get().content.decode()
    assert "14:30" in review and "น." not in review
    wizard.post("review", {"website": ""})
    submission = Submission.objects.get()
    assert submission.language == "en" and submission.answer("starts_at") == "14:30"
    assert submission.answers[1]["display"] == "14:30"


def test_an_optional_time_left_empty_is_not_shown(client, event_permit):
    wizard = Wizard(client, event_permit)
    wizard.post("start", {"event_name": "งานบวช", "starts_at": "08.00"})
    wizard.post("review", {"website": ""})
    assert Submission.objects.get().answers[2]["display"] == ""


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-test-password")
    client.force_login(user)
    return user


def test_the_editor_adds_a_time_field_in_the_admin(client, editor, event_permit):
    url = f"/admin/pages/{event_permit.pk}/edit/"
    html = client.get(url).content.decode()
    assert '<option value="time">เวลา</option>' in html

    values = add_inline(
        form_values(html),
        "form_fields",
        label="เวลาเก็บเครื่องเสียง",
        field_type="time",
        required="on",
        key="packed_up_at",
        max_files="1",
        max_file_size_mb="10",
    )
    values["action-publish"] = "action-publish"
    response = client.post(url, values)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EServicePage.objects.get(pk=event_permit.pk)
    assert [(f.key, f.field_type) for f in page.form_fields.all()][-1] == ("packed_up_at", "time")

    wizard = Wizard(client, page)
    assert "เวลาเก็บเครื่องเสียง" in wizard.get().content.decode()


def test_the_admin_lists_the_type_in_the_editors_language(client, editor, event_permit):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(f"/admin/pages/{event_permit.pk}/edit/").content.decode()
    assert '<option value="time">Time of day</option>' in html


def test_the_admin_refuses_an_unknown_type_without_failing(client, editor, event_permit):
    url = f"/admin/pages/{event_permit.pk}/edit/"
    values = form_values(client.get(url).content.decode())
    values["form_fields-1-field_type"] = "signature"
    values["action-publish"] = "action-publish"
    response = client.post(url, values)
    assert response.status_code == 200
    assert "signature ไม่ใช่ตัวเลือกที่ใช้ได้" in response.content.decode()  # Django's own Thai
    page = EServicePage.objects.get(pk=event_permit.pk)
    assert [f.field_type for f in page.form_fields.all()] == ["singleline", "time", "time"]
