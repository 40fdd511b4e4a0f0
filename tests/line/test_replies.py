"""What the office's account answers to a typed message (issue 14, item 4): a reference number gets its
state only for a LINE user bound to that request; anyone else learns nothing."""

import pytest
from django.core import mail

from casework import workflow
from casework.models import Submission
from line.replies import LinkToken
from outbox import services as outbox
from tests.casework.factories import make_submission
from tests.line.conftest import OTHER_USER, USER, bind, deliver

pytestmark = pytest.mark.django_db


def last_reply(fake):
    return "\n".join(fake.texts(fake.replied[-1:]))


def test_a_bound_user_typing_the_reference_gets_its_state(client, submission, line_office, fake_line):
    bind(client, fake_line, submission)
    deliver(client, fake_line, fake_line.text_event(USER, submission.reference.lower()))
    reply = last_reply(fake_line)
    assert submission.reference in reply and "ขณะนี้อยู่ในสถานะ" in reply
    assert fake_line.buttons(fake_line.replied[-1])  # the button back to the status page


def test_someone_elses_reference_tells_nothing(client, submission, handled_service, line_office, fake_line):
    bind(client, fake_line, submission)
    deliver(client, fake_line, fake_line.text_event(OTHER_USER, submission.reference))
    someone_elses = last_reply(fake_line)
    missing = make_submission(handled_service).reference
    Submission.objects.filter(reference=missing).delete()
    deliver(client, fake_line, fake_line.text_event(OTHER_USER, missing))
    assert last_reply(fake_line) == someone_elses  # a request that exists and one that does not: the same
    assert (
        submission.service_title not in someone_elses and submission.get_status_display() not in someone_elses
    )
    assert "เชื่อมกับบัญชี LINE นี้" in someone_elses and fake_line.buttons(fake_line.replied[-1]) == []


def test_a_reference_after_stopping_tells_nothing(client, submission, line_office, fake_line):
    bind(client, fake_line, submission)
    deliver(client, fake_line, fake_line.text_event(USER, "หยุด"))
    deliver(client, fake_line, fake_line.text_event(USER, submission.reference))
    assert "เชื่อมกับบัญชี LINE นี้" in last_reply(fake_line) and submission.service_title not in last_reply(
        fake_line
    )


def test_anything_else_gets_the_help(client, line_office, fake_line):
    deliver(client, fake_line, fake_line.text_event(USER, "สวัสดีครับ"))
    assert "พิมพ์เลขที่คำขอ" in last_reply(fake_line) and "Type a reference number" in last_reply(fake_line)


def test_an_officers_message_and_a_code_email(
    client, submission, line_office, fake_line, permit_officer, django_capture_on_commit_callbacks
):
    """The officer's message to the citizen goes to LINE too; a one-time code never does."""
    bind(client, fake_line, submission)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(
            submission, workflow.Action.REQUEST_INFORMATION, actor=permit_officer, reason="กรุณาส่งสำเนาโฉนด"
        )
    assert any("กรุณาส่งสำเนาโฉนด" in t for t in fake_line.texts(fake_line.pushed))
    pushed = len(fake_line.pushed)
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue(
            to=submission.applicant_email,
            subject="รหัส",
            body="123456",
            kind="code",
            sensitive=True,
            reference=submission.reference,
            submission_id=submission.pk,
        )
    assert len(fake_line.pushed) == pushed and "123456" in mail.outbox[-1].body


@pytest.mark.parametrize("token", ["abcdefghijklmno-", "-bcdefghijklmnop", "abcdefg_ijklmnop"])
def test_every_shape_of_link_token_is_read(token):
    """A token is URL-safe base64: it may start or end with "-" or "_" (once, such a link bound nothing)."""
    assert LinkToken.pattern.search(f"BS-69-000001 #L{token}")[1] == token
    assert LinkToken.pattern.search(f"#L{token}x") is None  # a longer token is not this one
