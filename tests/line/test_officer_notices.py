"""Officers' notices on LINE (issue 14, item 5): an officer links their own LINE from their account page
with a single-use link, chooses the notices, unlinks; notices go through the outbox from the account of
the request's office, say only the reference and the service, and open the inbox."""

import datetime
import re
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from freezegun import freeze_time

from casework import overdue, timeline, workflow
from casework.constants import EventKind
from home.groups import PERMIT_OFFICERS
from line.models import StaffLink, StaffLinkToken
from outbox import services as outbox
from outbox.constants import MessageState
from outbox.models import Message
from tests.casework.factories import make_submission
from tests.conftest import make_staff
from tests.line.conftest import USER, deliver

pytestmark = pytest.mark.django_db

PAGE = "/admin/line/notices/"
OFFICER_LINE = "U" + "1" * 32
OTHER_LINE = "U" + "2" * 32


def link_text(client, office):
    """The officer presses "Link my LINE" on their page: the text the LINE link types in."""
    response = client.post(PAGE, {"office": office.pk, "action": "link"})
    assert response.status_code == 200, response.content.decode()[:500]
    page = response.content.decode()
    assert "<svg" in page  # the QR code, drawn here
    url = re.search(r'href="(https://line\.me/R/oaMessage/[^"]+)"', page)[1]
    return unquote(url.split("/?", 1)[1])


def link(client, fake, officer, office, line_user=OFFICER_LINE):
    client.force_login(officer)
    text = link_text(client, office)
    assert deliver(client, fake, fake.text_event(line_user, text)).status_code == 200
    return text


def new_request(submission):
    """What sending a request records (casework.services.submit, problems.services.submit_report)."""
    return timeline.record(submission, EventKind.CREATED, actor_name="สมชาย", to_status=submission.status)


def officer_pushes(fake, line_user=OFFICER_LINE):
    return [p for p in fake.pushed if p["to"] == line_user]


@pytest.fixture
def linked(client, fake_line, line_office, permit_officer, handled_service):
    link(client, fake_line, permit_officer, line_office)
    return StaffLink.objects.get(user=permit_officer)


def test_an_officer_links_their_line_and_gets_a_new_request_without_personal_data(
    client, fake_line, line_office, permit_officer, submission, django_capture_on_commit_callbacks
):
    client.force_login(permit_officer)
    page = client.get(PAGE).content.decode()
    assert "เชื่อมต่อ LINE ของฉัน" in page
    text = link_text(client, line_office)
    deliver(client, fake_line, fake_line.text_event(OFFICER_LINE, text))
    assert any("เรียบร้อยแล้ว" in t for t in fake_line.texts(fake_line.replied))
    page = client.get(PAGE).content.decode()
    assert "ยกเลิกการเชื่อมต่อ LINE ของฉัน" in page and "มีคำขอใหม่ในบริการที่ฉันรับผิดชอบ" in page

    submission.applicant_name, submission.applicant_email = "สมชาย ใจดี", "somchai@example.com"
    submission.save()
    with django_capture_on_commit_callbacks(execute=True):
        new_request(submission)
    (pushed,) = officer_pushes(fake_line)
    words = " ".join(fake_line.texts([pushed]))
    assert submission.reference in words and submission.service_title in words and "คำขอใหม่" in words
    assert "สมชาย" not in words and "somchai" not in words  # nothing about the citizen
    (button,) = fake_line.buttons(pushed)
    assert button["label"] == "เปิดในกล่องคำขอ" and button["uri"].endswith(f"/admin/inbox/{submission.pk}/")
    assert pushed["token"] == "line-test-access-token"  # the account of the request's office


def test_an_officer_in_english_gets_english(
    client, fake_line, line_office, permit_officer, submission, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile  # noqa: PLC0415

    profile = UserProfile.get_for_user(permit_officer)
    profile.preferred_language = "en"
    profile.save()
    link(client, fake_line, permit_officer, line_office)
    assert any(
        "Done: this LINE account will receive the notices" in t for t in fake_line.texts(fake_line.replied)
    )
    with django_capture_on_commit_callbacks(execute=True):
        new_request(submission)
    (pushed,) = officer_pushes(fake_line)
    assert any("A new request" in t for t in fake_line.texts([pushed]))
    assert fake_line.buttons(pushed)[0]["label"] == "Open in the inbox"


def test_only_the_notices_chosen(
    client, fake_line, linked, submission, permit_officer, django_capture_on_commit_callbacks
):
    response = client.post(PAGE, {"office": linked.office_id, "action": "save", "overdue": "on"})
    assert response.status_code == 302
    linked.refresh_from_db()
    assert (linked.new_request, linked.citizen_reply, linked.overdue) == (False, False, True)
    with django_capture_on_commit_callbacks(execute=True):
        new_request(submission)
    assert officer_pushes(fake_line) == []


def test_an_officer_who_may_not_see_the_request_gets_nothing(
    client, fake_line, line_office, other_officer, submission, django_capture_on_commit_callbacks
):
    link(client, fake_line, other_officer, line_office)
    assert StaffLink.objects.filter(user=other_officer).exists()
    with django_capture_on_commit_callbacks(execute=True):
        new_request(submission)
    assert officer_pushes(fake_line) == []


def test_a_citizen_reply_goes_to_the_assigned_officer(
    client, fake_line, linked, submission, permit_officer, django_capture_on_commit_callbacks
):
    submission.assignee = permit_officer
    submission.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(
            submission, workflow.Action.REQUEST_INFORMATION, actor=permit_officer, reason="บัตร"
        )
    submission.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(submission, workflow.Action.CITIZEN_REPLY, actor=None, reason="ส่งแล้วค่ะ")
    (pushed,) = officer_pushes(fake_line)
    words = " ".join(fake_line.texts([pushed]))
    assert "ตอบกลับคำขอ" in words and "ส่งแล้วค่ะ" not in words  # the reply itself stays in the inbox


def test_an_overdue_request_is_told_to_its_officer(
    client, fake_line, linked, handled_service, permit_officer, django_capture_on_commit_callbacks
):
    late = make_submission(handled_service, submitted_at=timezone.now() - datetime.timedelta(days=60))
    late.assignee = permit_officer
    late.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue.send_overdue_notices() == 1
    (pushed,) = officer_pushes(fake_line)
    assert any("เกินกำหนด" in t for t in fake_line.texts([pushed]))


def test_a_deactivated_officer_gets_nothing(
    client, fake_line, linked, submission, permit_officer, django_capture_on_commit_callbacks
):
    permit_officer.is_active = False
    permit_officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        new_request(submission)
    assert officer_pushes(fake_line) == [] and not Message.objects.filter(channel="line").exists()


def test_an_officer_deactivated_after_the_notice_was_queued_gets_nothing(
    client, fake_line, linked, submission, permit_officer, django_capture_on_commit_callbacks
):
    fake_line.fail_next(500)
    with django_capture_on_commit_callbacks(execute=True):
        new_request(submission)
    permit_officer.is_active = False
    permit_officer.save()
    with freeze_time(timezone.now() + datetime.timedelta(minutes=2)):
        outbox.send_due()
    assert officer_pushes(fake_line) == []


def test_line_down_while_sending_officer_notices_is_retried(
    client, fake_line, linked, submission, django_capture_on_commit_callbacks
):
    fake_line.fail_next(500)
    with freeze_time() as frozen:
        with django_capture_on_commit_callbacks(execute=True):
            new_request(submission)
        message = Message.objects.get(channel="line")
        assert message.state == MessageState.PENDING and "500" in message.last_error
        assert not message.submission_id  # not on the citizen's timeline, not in their copy
        frozen.tick(datetime.timedelta(minutes=1, seconds=1))
        outbox.send_due()
    message.refresh_from_db()
    assert message.state == MessageState.SENT and len(officer_pushes(fake_line)) == 1
    assert "officer:" in message.to and OFFICER_LINE not in message.to


def test_a_staff_link_works_once_and_not_after_it_expires(
    client, fake_line, line_office, permit_officer, handled_service
):
    text = link(client, fake_line, permit_officer, line_office)
    deliver(client, fake_line, fake_line.text_event(OTHER_LINE, text))  # the same link again
    assert StaffLink.objects.get().line_user_id == OFFICER_LINE
    assert any("ถูกใช้ไปแล้ว" in t for t in fake_line.texts(fake_line.replied[-1:]))
    with freeze_time() as frozen:
        text = link_text(client, line_office)
        frozen.tick(datetime.timedelta(minutes=11))
        deliver(client, fake_line, fake_line.text_event(OTHER_LINE, text))
    assert StaffLink.objects.get().line_user_id == OFFICER_LINE
    assert any("has expired" in t for t in fake_line.texts(fake_line.replied[-1:]))


def test_a_line_user_who_is_not_staff_links_nothing(
    client, fake_line, line_office, permit_officer, handled_service, django_user_model
):
    deliver(client, fake_line, fake_line.text_event(USER, "#S" + "A" * 16))  # a guessed token
    assert not StaffLink.objects.exists()
    assert any("ไม่ใช่ของเจ้าหน้าที่" in t for t in fake_line.texts(fake_line.replied[-1:]))
    # The officer left the service's group after making the link: it links nothing.
    client.force_login(permit_officer)
    text = link_text(client, line_office)
    permit_officer.groups.remove(Group.objects.get(name=PERMIT_OFFICERS))
    deliver(client, fake_line, fake_line.text_event(OFFICER_LINE, text))
    assert not StaffLink.objects.exists()


def test_staff_who_do_not_use_the_inbox_have_no_line_notices(client, line_office, communications_user):
    client.force_login(communications_user)
    assert client.get(PAGE).status_code in (302, 403)


def test_bad_input_on_the_page_is_a_message_not_an_error(client, linked, permit_officer):
    for data in (
        {"office": "abc", "action": "link"},
        {"office": "999999", "action": "link"},
        {"office": linked.office_id, "action": "explode"},
        {},
    ):
        response = client.post(PAGE, data, follow=True)
        assert response.status_code == 200
        assert "คุณใช้บัญชี LINE ของสำนักงานนั้นไม่ได้" in response.content.decode()
    assert StaffLinkToken.objects.count() == 1  # only the link made by the fixture


def test_unlinking_on_the_page_or_blocking_the_account_stops_the_notices(
    client, fake_line, linked, submission, django_capture_on_commit_callbacks
):
    response = client.post(PAGE, {"office": linked.office_id, "action": "unlink"}, follow=True)
    assert "ยกเลิกการเชื่อมต่อ LINE แล้ว" in response.content.decode()
    assert not StaffLink.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        new_request(submission)
    assert officer_pushes(fake_line) == []
    # Linked again, then the officer blocks the account on LINE: the link goes.
    link(client, fake_line, linked.user, linked.office)
    deliver(client, fake_line, fake_line.unfollow_event(OFFICER_LINE))
    assert not StaffLink.objects.exists()


def test_the_account_page_leads_to_line_notices(client, linked, permit_officer):
    page = client.get("/admin/account/").content.decode()
    assert PAGE in page and "การแจ้งเตือนทาง LINE" in page


def test_an_officer_of_the_request_made_at_the_counter_is_not_told_of_their_own(
    client, fake_line, linked, submission, permit_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        timeline.record(submission, EventKind.CREATED, actor=permit_officer, to_status=submission.status)
    assert officer_pushes(fake_line) == []


def test_a_second_officer_account_is_separate(client, fake_line, linked, django_user_model, line_office):
    other = make_staff(django_user_model, "officer2", PERMIT_OFFICERS)
    client.force_login(other)
    assert "เชื่อมต่อ LINE ของฉัน" in client.get(PAGE).content.decode()  # not the first officer's link
    assert "ยกเลิกการเชื่อมต่อ" not in client.get(PAGE).content.decode()
