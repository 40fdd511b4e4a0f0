"""The citizen's status page: reference + email, one-time code, state, messages, reply with files,
withdraw, and the satisfaction rating (once)."""

import re
import time

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from casework import satisfaction, workflow
from casework.constants import SubmissionStatus
from casework.models import SatisfactionRating
from casework.notices import rating_token
from security.citizen_verification import SESSION_KEY
from tests.casework.factories import make_submission
from tests.eforms.factories import PDF_BYTES


def _verify(client, submission):
    session = client.session
    session[SESSION_KEY] = {str(submission.pk): time.time()}
    session.save()


def _url(name, *args, language="th"):
    with translation.override(language):
        return reverse(f"status:{name}", args=args)


def test_lookup_urls_are_in_both_languages():
    assert _url("lookup") == "/th/status/" and _url("lookup", language="en") == "/en/status/"


def test_wrong_reference_or_email_gets_the_same_message(client, submission):
    messages = []
    for reference, email in (
        (submission.reference, "other@example.com"),
        ("BS-69-999999", "citizen@example.com"),
    ):
        response = client.post(_url("lookup"), {"reference": reference, "email": email})
        assert response.status_code == 400
        messages.append(response.context["form"].non_field_errors())
    assert messages[0] == messages[1]


def test_empty_lookup_explains_what_is_missing_in_english(client, db):
    response = client.post(_url("lookup", language="en"), {"reference": "", "email": "nope"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Fill in" in text and "name@example.com" in text


def test_code_by_email_then_the_status(client, submission):
    response = client.post(
        _url("lookup"), {"reference": submission.reference.lower(), "email": "CITIZEN@example.com"}
    )
    assert response.status_code == 302 and f"/th/verify/{submission.reference}/" in response["Location"]
    verify_url = response["Location"]
    client.post(verify_url, {"action": "send", "next": _url("detail", submission.reference)})
    code = re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)
    response = client.post(
        verify_url, {"action": "check", "code": code, "next": _url("detail", submission.reference)}
    )
    assert response["Location"] == _url("detail", submission.reference)
    page = client.get(response["Location"])
    assert page.status_code == 200 and submission.reference in page.content.decode()


def test_the_status_needs_the_code(client, submission):
    response = client.get(_url("detail", submission.reference))
    assert response.status_code == 302 and response["Location"] == _url("lookup")
    response = client.get(_url("detail", "NO-SUCH"))
    assert response.status_code == 302


def test_the_citizen_sees_messages_meant_for_them_only(client, submission, permit_officer):
    workflow.comment(submission, "ความลับภายใน", actor=permit_officer)
    workflow.message_citizen(submission, "กรุณานำบัตรประชาชนมาด้วย", actor=permit_officer)
    _verify(client, submission)
    content = client.get(_url("detail", submission.reference)).content.decode()
    assert "กรุณานำบัตรประชาชนมาด้วย" in content and "ความลับภายใน" not in content


def test_reply_with_a_file_when_information_was_requested(client, submission, permit_officer):
    workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอสำเนาโฉนด")
    _verify(client, submission)
    page = client.get(_url("detail", submission.reference))
    assert "ขอสำเนาโฉนด" in page.content.decode() and page.context["reply_form"] is not None
    bad = client.post(
        _url("detail", submission.reference),
        {"message": "แนบแล้ว", "files": SimpleUploadedFile("x.pdf", b"not a pdf")},
    )
    assert bad.status_code == 400
    response = client.post(
        _url("detail", submission.reference),
        {"message": "แนบสำเนาโฉนดแล้ว", "files": SimpleUploadedFile("โฉนด.pdf", PDF_BYTES)},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.IN_REVIEW
    reply = submission.events.get(kind="message_in")
    assert reply.message == "แนบสำเนาโฉนดแล้ว" and reply.files.get().original_name == "โฉนด.pdf"
    again = client.post(_url("detail", submission.reference), {"message": "อีก"}, follow=True)
    assert again.status_code == 200  # not waiting any more: a message, nothing changes


def test_the_reply_form_is_on_a_light_box_not_the_dark_panel(client, submission, permit_officer):
    """On the dark green `eforms-panel` (white text) the grey hint and red errors failed axe's contrast
    check (found by tests/browser/test_inbox_browser.py)."""
    workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอสำเนาโฉนด")
    _verify(client, submission)
    content = client.post(_url("detail", submission.reference), {"message": ""}).content.decode()
    section = re.search(r'<section class="([^"]+)" aria-labelledby="reply-title">', content)
    assert section and section[1] == "eforms-reply"


def test_withdraw(client, submission):
    _verify(client, submission)
    response = client.post(_url("withdraw", submission.reference), {"reason": ""})
    assert response.status_code == 400
    client.post(_url("withdraw", submission.reference), {"confirm": "on", "reason": "ไม่ต้องการแล้ว"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.WITHDRAWN


ALL_FIVE = {"speed": "4", "staff": "5", "clarity": "3", "ease": "4", "overall": "5"}


def test_rating_once_after_completion(client, handled_service):
    submission = make_submission(handled_service, status="completed")
    url = _url("rate", rating_token(submission))
    assert client.post(url, {}).status_code == 400
    response = client.post(url, {**ALL_FIVE, "comment": "บริการรวดเร็ว"})
    assert response.status_code == 200 and response.context["thanks"]
    assert SatisfactionRating.objects.get(submission=submission).score == 5
    again = client.post(url, {**ALL_FIVE, "overall": "1"})
    assert again.context["already"] and SatisfactionRating.objects.get(submission=submission).score == 5
    assert submission.events.filter(kind="rating").count() == 1


def test_rating_refused_before_the_decision_and_with_a_forged_link(client, submission):
    assert "already" in client.get(_url("rate", rating_token(submission))).context
    assert client.get(_url("rate", "forged-token")).status_code == 400

    with pytest.raises(workflow.WorkflowError):
        satisfaction.rate(submission, {"speed": 5, "staff": 5, "clarity": 5, "ease": 5, "overall": 5})


def test_the_officers_question_is_right_above_the_reply_box(client, submission, permit_officer):
    """Issue 16: the question was in the timeline, 766 px below the box the answer goes in."""
    workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอสำเนาโฉนดที่ดิน")
    _verify(client, submission)
    html = client.get(_url("detail", submission.reference)).content.decode()
    reply = html.index('<section class="eforms-reply"')
    question = html.index("ขอสำเนาโฉนดที่ดิน", reply)
    assert question < html.index("<textarea", reply)
    assert "เขียนคำตอบของท่านด้านล่าง" in html[question : html.index("<textarea", reply)]


def test_a_link_with_the_reference_fills_it_in(client, submission):
    html = client.get(_url("lookup") + f"?reference={submission.reference}").content.decode()
    assert f'name="reference" id="id_reference" value="{submission.reference}"' in html
