"""The administrators' daily digest: silent when all is well; every kind of trouble in it; each
administrator reads it in their admin language (Thai unless they chose English)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.users.models import UserProfile

from eforms.models import ServiceCataloguePage
from home.groups import ADMINISTRATORS, PERMIT_OFFICERS
from offices.groups import group_name
from operations import digest
from operations.heartbeat import HEARTBEAT_KEY
from outbox.constants import MessageState
from outbox.models import Message
from payments.constants import PaymentChannel, PaymentStatus, RefundStatus
from payments.models import Payment, Refund
from tests.casework.factories import make_submission
from tests.conftest import make_staff
from tests.eforms.factories import make_service
from tests.offices.conftest import create_second_office

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def admins(django_user_model):
    """A Thai administrator, an English one, a superuser outside the group; and people who get nothing."""
    group = Group.objects.get(name=ADMINISTRATORS)
    thai = django_user_model.objects.create_user("somsri", email="somsri@example.go.th")
    english = django_user_model.objects.create_user("john", email="john@example.go.th")
    thai.groups.add(group)
    english.groups.add(group)
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    django_user_model.objects.create_superuser("root", email="root@example.go.th", password="x" * 12)
    django_user_model.objects.create_user("gone", email="gone@example.go.th", is_active=False).groups.add(
        group
    )
    django_user_model.objects.create_user("officer2", email="o@example.go.th").groups.add(
        Group.objects.get(name=PERMIT_OFFICERS)
    )
    return {"th": "somsri@example.go.th", "en": "john@example.go.th", "super": "root@example.go.th"}


def payment(submission, status, *, created=None, **extra):
    values = {
        "channel": PaymentChannel.ONLINE,
        "provider": "stripe",
        "amount": 4000,
        "description": "ค่าธรรมเนียม",
    }
    made = Payment.objects.create(submission=submission, status=status, **{**values, **extra})
    if created:
        Payment.objects.filter(pk=made.pk).update(created_at=created)
    return made


def failed_message(service, now, **_):
    Message.objects.create(
        kind="acknowledgement",
        to="citizen@example.com",
        subject="ได้รับคำขอ BS-69-000101 แล้ว",
        body="…",
        reference="BS-69-000101",
        state=MessageState.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected: gone away",
        next_attempt_at=now - datetime.timedelta(hours=2),
    )


def payment_to_review(service, now, **_):
    submission = make_submission(service, reference="BS-69-000102")
    payment(submission, PaymentStatus.NEEDS_REVIEW, review_reason="ยอดเงินที่ได้รับไม่ตรงกับค่าธรรมเนียม")


def stuck_payment(service, now, **_):
    payment(make_submission(service, reference="BS-69-000103"), PaymentStatus.PENDING, created=now - 3 * DAY)


def stuck_refund(service, now, **_):
    paid = payment(
        make_submission(service, reference="BS-69-000104"), PaymentStatus.PAID, amount_received=4000
    )
    Refund.objects.create(
        payment=paid, amount=4000, reason="ยกเลิก", status=RefundStatus.PROCESSING, requested_at=now - 2 * DAY
    )


def waiting_refund(service, now, **_):
    paid = payment(
        make_submission(service, reference="BS-69-000105"), PaymentStatus.PAID, amount_received=4000
    )
    Refund.objects.create(
        payment=paid,
        amount=2000,
        reason="คืนบางส่วน",
        status=RefundStatus.AWAITING_APPROVAL,
        requested_at=now - 2 * DAY,
    )


def overdue_request(service, now, **_):
    make_submission(service, reference="BS-69-000106", expected_completion=timezone.localdate(now) - 5 * DAY)


def silent_worker(service, now, settings, **_):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    cache.delete(HEARTBEAT_KEY)  # the immediate tasks of the set-up beat


def broken_storage(service, now, settings, tmp_path, **_):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"


KINDS = {
    # kind: (builder, what the Thai digest says, what the English one says)
    "failed message": (
        failed_message,
        ["ข้อความที่ส่งไม่สำเร็จ (1)", "BS-69-000101: ได้รับคำขอ"],
        ["Messages that could not be sent (1)", "SMTPServerDisconnected"],
    ),
    "payment to review": (
        payment_to_review,
        ["การชำระเงินที่ผู้ดูแลระบบต้องตรวจสอบ (1)", "BS-69-000102: 40 บาท — ยอดเงินที่ได้รับไม่ตรง"],
        ["Payments that need an administrator's review (1)", "BS-69-000102: 40 baht"],
    ),
    "stuck payment": (
        stuck_payment,
        ["การชำระเงินออนไลน์ที่ค้างอยู่กับผู้ให้บริการชำระเงิน (1)", "BS-69-000103"],
        ["Online payments stuck with the payment provider (1)", "BS-69-000103: 40 baht, started"],
    ),
    "stuck refund": (
        stuck_refund,
        ["การคืนเงินที่ยังไม่เสร็จ (2)", "BS-69-000104: 40 บาท อยู่ระหว่างส่งให้ผู้ให้บริการชำระเงินตั้งแต่"],
        ["Refunds not finished (2)", "being sent to the payment provider since"],
    ),
    "waiting refund": (
        waiting_refund,
        ["BS-69-000105: 20 บาท รอเจ้าหน้าที่อีกคนอนุมัติตั้งแต่"],
        ["waiting for a second officer's approval since"],
    ),
    "overdue request": (
        overdue_request,
        ["คำขอที่เกินกำหนดเวลา (1)", "BS-69-000106 คำขอทดสอบ: กำหนดเสร็จ", "เกินมา 5 วัน"],
        ["Requests past their deadline (1)", "5 day(s) late"],
    ),
    "silent worker": (
        silent_worker,
        ["ยังไม่พบการทำงานของระบบงานเบื้องหลังเลย"],
        ["No background worker has been seen at all."],
    ),
    "broken storage": (
        broken_storage,
        ["ไฟล์สาธารณะ (รูปภาพและเอกสาร) เขียนและอ่านกลับไม่ได้: NotADirectoryError"],
        ["Public files (pictures and documents) could not be written"],
    ),
}


def test_nothing_to_say_sends_nothing(admins, handled_service, django_capture_on_commit_callbacks):
    make_submission(handled_service)  # an ordinary request, on time
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digest")
    assert mail.outbox == [] and not Message.objects.filter(kind=digest.KIND).exists()


def test_every_kind_of_trouble_is_reported_in_each_administrators_language(
    admins, handled_service, settings, tmp_path
):
    now = timezone.now()
    for build, _thai, _english in KINDS.values():
        build(handled_service, now, settings=settings, tmp_path=tmp_path)
    assert digest.send() == 3
    sent = {m.to: m for m in Message.objects.filter(kind=digest.KIND)}
    assert set(sent) == set(admins.values())  # not the inactive administrator, not the officer
    for kind, (_build, thai, english) in KINDS.items():
        for language, fragments in (("th", thai), ("en", english)):
            message = sent[admins[language]]
            assert message.language == language
            for fragment in fragments:
                assert fragment in message.body, (kind, language, fragment, message.body)
    assert sent[admins["th"]].subject == "รายงานประจำวันของเว็บไซต์: มี 8 เรื่องที่ต้องดูแล"
    assert sent[admins["en"]].subject == "Website daily report: 8 items need attention"
    assert sent[admins["super"]].language == "th"
    assert (
        "Dear administrator" not in sent[admins["th"]].body
        and "http://testserver/admin/" in sent[admins["th"]].body
    )


def test_old_failures_and_young_payments_are_not_news(admins, handled_service):
    now = timezone.now()
    failed_message(handled_service, now)
    Message.objects.update(next_attempt_at=now - 3 * DAY)  # reported in an earlier digest
    payment(
        make_submission(handled_service), PaymentStatus.PENDING, created=now - datetime.timedelta(hours=3)
    )
    assert digest.send() == 0


def test_an_offices_administrators_get_their_offices_part_from_their_office(
    admins, handled_service, django_user_model, settings
):
    """Nong Bua's administrator hears of Nong Bua's overdue request, from Nong Bua and linking to its
    site, and nothing of the first office's; the installation's administrators hear of both."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "nongbua.example"]
    nongbua = create_second_office()
    catalogue = nongbua.site.root_page.get_children().type(ServiceCataloguePage).get().specific
    market = make_service(catalogue, slug="market", title="ขอใช้ตลาด", reference_prefix="MK")
    now = timezone.now()
    late = timezone.localdate(now) - 5 * DAY
    make_submission(market, reference="MK-69-000001", expected_completion=late)
    make_submission(handled_service, reference="BS-69-000106", expected_completion=late)
    office_admin = make_staff(django_user_model, "nb_admin", group_name("nongbua", ADMINISTRATORS))
    office_admin.email = "nb_admin@nongbua.go.th"
    office_admin.save()
    make_staff(django_user_model, "nb_officer", group_name("nongbua", PERMIT_OFFICERS))

    assert digest.send(now) == 4  # the installation's three, and Nong Bua's administrator
    [ours] = Message.objects.filter(kind=digest.KIND, to="nb_admin@nongbua.go.th")
    assert "MK-69-000001" in ours.body and "BS-69-000106" not in ours.body
    assert "http://nongbua.example/admin/inbox/" in ours.body  # the request, on its office's site
    assert "หนองบัว" in ours.sender
    whole = Message.objects.filter(kind=digest.KIND, to=admins["th"]).get()
    assert "MK-69-000001" in whole.body and "BS-69-000106" in whole.body and whole.sender == ""


def test_an_office_with_nothing_to_say_hears_nothing(admins, handled_service, django_user_model, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "nongbua.example"]
    create_second_office()
    office_admin = make_staff(django_user_model, "nb_admin", group_name("nongbua", ADMINISTRATORS))
    office_admin.email = "nb_admin@nongbua.go.th"
    office_admin.save()
    overdue_request(handled_service, timezone.now())  # the first office's
    assert digest.send() == 3
    assert not Message.objects.filter(to="nb_admin@nongbua.go.th").exists()
