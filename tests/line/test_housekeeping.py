"""What the LINE app leaves behind (issue 14): old link tokens and webhook event ids are purged by the
daily retention command; officers' LINE is personal data; a LINE message that never arrived is named as
such on the request's timeline (not as an email)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from casework import workflow
from line.models import LinkToken, StaffLink, StaffLinkToken, WebhookEvent
from outbox import services as outbox
from outbox.constants import MessageState
from outbox.models import Message
from privacy import registry
from tests.line.conftest import bind

pytestmark = pytest.mark.django_db

RETRY_MINUTES = [1, 5, 30, 120]


def test_old_tokens_and_event_ids_are_purged_and_recent_ones_kept(submission, line_office, permit_officer):
    now = timezone.now()
    old, recent = now - datetime.timedelta(days=8), now - datetime.timedelta(hours=1)
    for name, created in (("old", old), ("recent", recent)):
        LinkToken.objects.create(office=line_office, submission=submission, token_hash=f"{name}-link",
                                 created_at=created, expires_at=created + datetime.timedelta(minutes=15))  # fmt: skip
        StaffLinkToken.objects.create(user=permit_officer, office=line_office, token_hash=f"{name}-staff",
                                      created_at=created, expires_at=created + datetime.timedelta(minutes=10))  # fmt: skip
        WebhookEvent.objects.create(office=line_office, event_id=f"{name}-event", received_at=created)
    # Used long ago but made to last (not a real token's life): used is enough.
    LinkToken.objects.create(office=line_office, submission=submission, token_hash="used", created_at=old,
                             expires_at=now + datetime.timedelta(days=1), used_at=old)  # fmt: skip
    out = StringIO()
    call_command("purge_expired_submissions", stdout=out)
    assert "Cleared 4 record(s) tied to no request" in out.getvalue()
    assert list(LinkToken.objects.values_list("token_hash", flat=True)) == ["recent-link"]
    assert list(StaffLinkToken.objects.values_list("token_hash", flat=True)) == ["recent-staff"]
    assert list(WebhookEvent.objects.values_list("event_id", flat=True)) == ["recent-event"]
    assert submission.line_bindings.count() == 0  # nothing of the request itself


def test_a_replayed_delivery_within_the_retention_is_still_refused(
    client, submission, line_office, fake_line
):
    """The purge keeps a week of event ids: longer than LINE redelivers."""
    call_command("purge_expired_submissions", stdout=StringIO())
    bind(client, fake_line, submission)
    assert WebhookEvent.objects.count() == 1


def test_an_officers_line_is_their_personal_data(line_office, permit_officer):
    permit_officer.email = "officer@example.com"
    permit_officer.save()
    StaffLink.objects.create(user=permit_officer, office=line_office, line_user_id="U" + "9" * 32)
    (declaration,) = [d for d in registry.declarations() if d.name == "line_officer_links"]

    class Person:
        kind, key = "email", "officer@example.com"

    (record,) = declaration.find(Person())
    assert declaration.export([record])[0]["line_user_id"] == "U" + "9" * 32
    assert declaration.erase_person(Person()) == 1 and not StaffLink.objects.exists()


def test_a_line_message_that_never_arrived_is_named_on_the_timeline(
    client,
    submission,
    line_office,
    fake_line,
    permit_officer,
    administrator,
    django_capture_on_commit_callbacks,
):
    bind(client, fake_line, submission)
    fake_line.fail_next(500, times=len(RETRY_MINUTES) + 1)
    with freeze_time() as frozen:
        with django_capture_on_commit_callbacks(execute=True):
            workflow.transition(submission, workflow.Action.START_REVIEW, actor=permit_officer)
        for minutes in RETRY_MINUTES:
            frozen.tick(datetime.timedelta(minutes=minutes, seconds=1))
            outbox.send_due()
    message = Message.objects.get(channel="line")
    assert message.state == MessageState.FAILED
    event = submission.events.get(kind="email_failed")
    assert event.data["channel"] == "line"
    client.force_login(administrator)
    page = client.get(f"/admin/inbox/{submission.pk}/").content.decode()
    assert "ส่งข้อความทาง LINE ไม่สำเร็จ" in page and "ส่งอีเมลไม่สำเร็จ" not in page
    client.post("/i18n/setlang/", {"language": "en"})
    assert str(event.kind_label) in ("ส่งข้อความทาง LINE ไม่สำเร็จ", "LINE message not delivered")


def test_an_email_that_never_arrived_is_named_as_an_email(submission):
    from django.utils import translation  # noqa: PLC0415

    from casework.constants import EventKind  # noqa: PLC0415
    from casework.timeline import record  # noqa: PLC0415

    old = record(
        submission, EventKind.EMAIL_FAILED, actor_name="system", data={"message": 1}
    )  # before channels
    with translation.override("en"):
        assert old.kind_label == "Email not delivered"
    with translation.override("th"):
        assert old.kind_label == "ส่งอีเมลไม่สำเร็จ"
