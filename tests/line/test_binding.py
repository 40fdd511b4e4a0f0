"""Linking a request to LINE and what the citizen then receives there (issue 14, items 1, 2 and 6)."""

import datetime

import pytest
from django.core import mail
from freezegun import freeze_time

from casework import workflow
from line.constants import BindingState
from line.models import Binding
from outbox import services as outbox
from outbox.constants import MessageState
from outbox.models import Message
from tests.line.conftest import (
    OTHER_USER,
    USER,
    WEBHOOK_URL,
    bind,
    deliver,
    get_link,
    link_url,
    status_url,
    verify,
)

pytestmark = pytest.mark.django_db


def review(submission, officer):
    return workflow.transition(submission, workflow.Action.START_REVIEW, actor=officer)


def test_without_line_settings_no_page_shows_line_and_nothing_breaks(client, submission, fake_line):
    verify(client, submission)
    page = client.get(status_url(submission))
    assert page.status_code == 200 and "LINE" not in page.content.decode()
    assert client.post(link_url(submission)).status_code == 404
    assert client.post(WEBHOOK_URL, b"{}", content_type="application/json").status_code == 403


def test_a_citizen_links_a_request_and_gets_its_state_changes_on_line(
    client, submission, line_office, fake_line, permit_officer, django_capture_on_commit_callbacks
):
    verify(client, submission)
    assert "รับข่าวสารทาง LINE" in client.get(status_url(submission)).content.decode()
    text, page = get_link(client, submission)
    assert "<svg" in page and submission.reference in text  # the QR code, drawn here (no outside service)
    deliver(client, fake_line, fake_line.text_event(USER, text))
    assert any(submission.reference in t and "ทุกครั้ง" in t for t in fake_line.texts(fake_line.replied))
    assert "หยุดรับข่าวสารทาง LINE" in client.get(status_url(submission)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        review(submission, permit_officer)
    (pushed,) = fake_line.pushed
    assert pushed["to"] == USER
    assert any("อยู่ระหว่างพิจารณา" in t for t in fake_line.texts([pushed]))
    (button,) = fake_line.buttons(pushed)
    assert button["label"] == "เปิดหน้าสถานะคำขอ" and button["uri"].endswith(status_url(submission))
    assert len(mail.outbox) == 1  # the email goes as before


def test_a_request_without_an_email_is_followed_on_line_alone(
    client, submission, line_office, fake_line, permit_officer, django_capture_on_commit_callbacks
):
    submission.applicant_email = ""  # e.g. a problem report sent without contact details
    submission.save()
    bind(client, fake_line, submission)
    with django_capture_on_commit_callbacks(execute=True):
        review(submission, permit_officer)
    (pushed,) = fake_line.pushed
    assert pushed["to"] == USER and any("อยู่ระหว่างพิจารณา" in t for t in fake_line.texts([pushed]))
    assert fake_line.buttons(pushed)[0]["uri"].endswith(status_url(submission))
    assert mail.outbox == [] and list(Message.objects.values_list("channel", flat=True)) == ["line"]


def test_a_request_in_english_is_followed_in_english(
    client, submission, line_office, fake_line, permit_officer, django_capture_on_commit_callbacks
):
    submission.language = "en"
    submission.save()
    bind(client, fake_line, submission)
    assert any("receive every update" in t for t in fake_line.texts(fake_line.replied))
    with django_capture_on_commit_callbacks(execute=True):
        review(submission, permit_officer)
    (pushed,) = fake_line.pushed
    assert any("In review" in t for t in fake_line.texts([pushed]))
    assert fake_line.buttons(pushed)[0]["label"] == "Open the status page"
    assert "/en/status/" in fake_line.buttons(pushed)[0]["uri"]


def test_a_link_works_once(client, submission, line_office, fake_line):
    text = bind(client, fake_line, submission)
    deliver(client, fake_line, fake_line.text_event(OTHER_USER, text))
    assert not Binding.objects.filter(line_user_id=OTHER_USER).exists()
    assert any("ใช้ไปแล้วหรือหมดอายุ" in t for t in fake_line.texts(fake_line.replied[-1:]))


def test_an_expired_link_binds_nothing(client, submission, line_office, fake_line):
    with freeze_time() as frozen:
        text, _page = get_link(client, submission)
        frozen.tick(datetime.timedelta(minutes=16))
        deliver(client, fake_line, fake_line.text_event(USER, text))
    assert not Binding.objects.exists()
    assert any("has expired" in t for t in fake_line.texts(fake_line.replied))


def test_a_link_needs_the_code_check_or_the_confirmation_page(client, submission, line_office):
    response = client.post(link_url(submission))
    assert response.status_code == 302 and "/verify/" in response["Location"]
    response = client.post(link_url(submission), {"proof": "forged"})
    assert response.status_code == 302 and "/verify/" in response["Location"]


def test_a_bad_signature_is_refused_and_does_nothing(client, submission, line_office, fake_line):
    text, _page = get_link(client, submission)
    event = fake_line.text_event(USER, text)
    assert deliver(client, fake_line, event, secret="not-the-secret").status_code == 400
    assert deliver(client, fake_line, event, signature="").status_code == 400
    assert not Binding.objects.exists() and fake_line.replied == []


def test_a_replayed_delivery_is_handled_once(client, submission, line_office, fake_line):
    text, _page = get_link(client, submission)
    body = fake_line.body(fake_line.text_event(USER, text), fake_line.text_event(USER, "หยุด"))
    assert deliver(client, fake_line, body=body).status_code == 200
    assert Binding.objects.get().state == BindingState.UNBOUND
    replies = len(fake_line.replied)
    # The same signed delivery again (LINE's redelivery, or someone replaying it): no second effect.
    assert deliver(client, fake_line, body=body).status_code == 200
    assert len(fake_line.replied) == replies and Binding.objects.get().changes.count() == 2


def test_line_down_or_limiting_queues_and_retries_and_the_page_never_fails(
    client, submission, line_office, fake_line, permit_officer, django_capture_on_commit_callbacks
):
    bind(client, fake_line, submission)
    fake_line.fail_next(500)
    fake_line.fail_next(429)
    with freeze_time() as frozen:
        with django_capture_on_commit_callbacks(execute=True):
            review(submission, permit_officer)
        message = Message.objects.get(channel="line")
        assert message.state == MessageState.PENDING and "500" in message.last_error
        assert client.get(status_url(submission)).status_code == 200
        frozen.tick(datetime.timedelta(minutes=1, seconds=1))
        outbox.send_due()
        message.refresh_from_db()
        assert message.state == MessageState.PENDING and "429" in message.last_error
        frozen.tick(datetime.timedelta(minutes=5, seconds=1))
        outbox.send_due()
    message.refresh_from_db()
    assert message.state == MessageState.SENT and len(fake_line.pushed) == 1
    assert len(mail.outbox) == 1


def test_a_reply_line_refuses_is_pushed_through_the_outbox(
    client, submission, line_office, fake_line, django_capture_on_commit_callbacks
):
    text, _page = get_link(client, submission)
    fake_line.fail_next(503)
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(client, fake_line, fake_line.text_event(USER, text)).status_code == 200
    assert Binding.objects.get().state == BindingState.ACTIVE  # linked even though LINE did not answer
    message = Message.objects.get(channel="line", kind="line:reply")
    assert message.state == MessageState.SENT and fake_line.pushed[0]["to"] == USER


def test_a_blocked_account_stops_line_and_email_carries_on(
    client, submission, line_office, fake_line, permit_officer, django_capture_on_commit_callbacks
):
    bind(client, fake_line, submission)
    deliver(client, fake_line, fake_line.unfollow_event(USER))
    assert Binding.objects.get().state == BindingState.BLOCKED
    with django_capture_on_commit_callbacks(execute=True):
        review(submission, permit_officer)
    assert fake_line.pushed == [] and len(mail.outbox) == 1
    verify(client, submission)
    page = client.get(status_url(submission)).content.decode()
    assert "ถูกบล็อก" in page and "รับข่าวสารทาง LINE" in page


def test_the_citizen_stops_line_on_the_status_page(
    client, submission, line_office, fake_line, permit_officer, django_capture_on_commit_callbacks
):
    bind(client, fake_line, submission)
    stop = client.post(f"/th/line/{submission.reference}/stop/", follow=True)
    assert "หยุดส่งข่าวสารทาง LINE แล้ว" in stop.content.decode()
    assert Binding.objects.get().state == BindingState.UNBOUND
    with django_capture_on_commit_callbacks(execute=True):
        review(submission, permit_officer)
    assert fake_line.pushed == [] and len(mail.outbox) == 1


def test_the_citizen_stops_line_by_a_message(
    client, submission, line_office, fake_line, permit_officer, django_capture_on_commit_callbacks
):
    bind(client, fake_line, submission)
    deliver(client, fake_line, fake_line.text_event(USER, "stop"))
    assert any(submission.reference in t and "หยุด" in t for t in fake_line.texts(fake_line.replied[-1:]))
    with django_capture_on_commit_callbacks(execute=True):
        review(submission, permit_officer)
    assert fake_line.pushed == []
