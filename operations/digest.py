"""The administrators' daily digest: what needs a person, in one email, only when there is something.

A two-person IT team watches no logs, so `manage.py send_digest` (daily, deploy/systemd) gathers:
messages that failed in the last day after every retry, payments waiting for an administrator's
review, online payments and refunds stuck with their provider, refunds waiting over a day for a
second officer, requests past their deadline, a silent background worker and file stores that cannot
be written. Each administrator (the Administrators group, and superusers) gets it in their admin
language, Thai unless they chose English, through the outbox.
"""

import dataclasses
import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from casework.models import Submission
from home.groups import ADMINISTRATORS
from home.site import admin_url, message_context
from operations import health, heartbeat
from outbox import services as outbox
from outbox.constants import MessageState
from outbox.models import Message
from payments import providers
from payments.constants import PaymentChannel, PaymentStatus, RefundStatus
from payments.models import Payment, Refund

#: How far back "in the last day" looks, and how long a payment or refund may sit before it is "stuck".
PERIOD = datetime.timedelta(days=1)
STUCK_AFTER = datetime.timedelta(days=1)
#: At most this many lines per section; the email gives the count and a link to the whole list.
LINES = 10
STORES = {"storage", "private_storage"}
KIND = "operations:digest"


@dataclasses.dataclass
class Section:
    items: list
    count: int

    def __bool__(self):
        return self.count > 0

    @property
    def more(self) -> int:
        return self.count - len(self.items)


def _section(queryset) -> Section:
    return Section(items=list(queryset[:LINES]), count=queryset.count())


@dataclasses.dataclass
class Digest:
    now: datetime.datetime
    failed_messages: Section
    payments_to_review: Section
    stuck_payments: Section
    stuck_refunds: Section
    waiting_refunds: Section
    overdue: Section
    worker: heartbeat.WorkerState | None
    storage_faults: dict[str, str]

    def count(self) -> int:
        sections = (
            self.failed_messages,
            self.payments_to_review,
            self.stuck_payments,
            self.stuck_refunds,
            self.waiting_refunds,
            self.overdue,
        )
        return sum(s.count for s in sections) + (self.worker is not None) + len(self.storage_faults)

    def __bool__(self):
        return self.count() > 0


def _stuck_payments(now):
    """Online payments still open a day after their provider's lifetime: `sync_payments` should have
    settled or expired them, so it is not running or the provider does not answer."""
    pending = Payment.objects.filter(status=PaymentStatus.PENDING, channel=PaymentChannel.ONLINE)
    late = Q(pk__in=[])
    for provider_id in pending.values_list("provider", flat=True).distinct():
        try:
            lifetime = providers.get(provider_id).lifetime()
        except providers.UnknownProvider:
            lifetime = datetime.timedelta(0)
        late |= Q(provider=provider_id, created_at__lt=now - lifetime - STUCK_AFTER)
    return pending.filter(late).select_related("submission").order_by("created_at", "pk")


def collect(now=None) -> Digest:
    now = now or timezone.now()
    cut = now - STUCK_AFTER
    worker = heartbeat.worker_state(now)
    faults = health.run(sorted(STORES))
    return Digest(
        now=now,
        # A message is marked failed at its last try, which was due at `next_attempt_at`.
        failed_messages=_section(
            Message.objects.filter(state=MessageState.FAILED, next_attempt_at__gt=now - PERIOD).order_by(
                "next_attempt_at", "pk"
            )
        ),
        payments_to_review=_section(
            Payment.objects.flagged().select_related("submission").order_by("updated_at", "pk")
        ),
        stuck_payments=_section(_stuck_payments(now)),
        stuck_refunds=_section(
            Refund.objects.filter(status=RefundStatus.PROCESSING)
            .filter(Q(decided_at__lt=cut) | Q(decided_at__isnull=True, requested_at__lt=cut))
            .select_related("payment__submission")
            .order_by("requested_at", "pk")
        ),
        waiting_refunds=_section(
            Refund.objects.filter(status=RefundStatus.AWAITING_APPROVAL, requested_at__lt=cut)
            .select_related("payment__submission")
            .order_by("requested_at", "pk")
        ),
        overdue=_section(
            Submission.objects.overdue(timezone.localdate(now))
            .only("pk", "reference", "service_title", "expected_completion", "status")
            .order_by("expected_completion", "pk")
        ),
        worker=None if worker.ok else worker,
        storage_faults={name: result.error.message for name, result in faults.items() if result.error},
    )


def administrators():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return (
        users.filter(Q(groups__name=ADMINISTRATORS) | Q(is_superuser=True))
        .select_related("wagtail_userprofile")
        .distinct()
        .order_by("pk")
    )


def _language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "preferred_language", "") or "th"


def render(digest: Digest, language: str) -> tuple[str, str]:
    """(subject, body) in `language`."""
    today = timezone.localdate(digest.now)
    with translation.override(language):
        context = {
            **message_context(),
            "digest": digest,
            "today": today,
            "language": language,
            "overdue_rows": [(s, (today - s.expected_completion).days) for s in digest.overdue.items],
            "links": {
                "inbox": admin_url(reverse("inbox:index") + "?due=overdue"),
                "payments": admin_url(reverse("payments_admin:index")),
                "messages": admin_url(reverse("outbox:failed")),
            },
        }
        subject = render_to_string("operations/email/digest_subject.txt", context)
        body = render_to_string("operations/email/digest.txt", context)
    return subject, body


def send(now=None) -> int:
    """Queue the digest for every administrator if there is anything to say; returns how many."""
    digest = collect(now)
    if not digest:
        return 0
    sent = 0
    for user in administrators():
        language = _language(user)
        subject, body = render(digest, language)
        outbox.queue(to=user.email, subject=subject, body=body, kind=KIND, language=language)
        sent += 1
    return sent
