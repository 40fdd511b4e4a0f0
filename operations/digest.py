"""The administrators' daily digest: what needs a person, in one email, only when there is something.

A two-person IT team watches no logs, so `manage.py send_digest` (daily, deploy/systemd) gathers:
messages that failed in the last day after every retry, payments waiting for an administrator's
review, online payments and refunds stuck with their provider, refunds waiting over a day for a
second officer, requests past their deadline, a silent background worker and file stores that cannot
be written. Each administrator (the Administrators group, and superusers) gets it in their admin
language, Thai unless they chose English, through the outbox.

Each office's administrators (its `<code>: ผู้ดูแลระบบ` group) get their own office's part only — its
requests, payments, refunds and messages, from and linking to their office — and only on a day when
there is something of theirs; the worker and the file stores are the installation's.
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
from offices.models import Office
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


def _sections(now):
    """Each section's query, and the path from its rows to their request's office."""
    cut = now - STUCK_AFTER
    return {
        # A message is marked failed at its last try, which was due at `next_attempt_at`.
        "failed_messages": (
            Message.objects.filter(state=MessageState.FAILED, next_attempt_at__gt=now - PERIOD).order_by(
                "next_attempt_at", "pk"
            ),
            None,  # a message names its request by id: see _of_office
        ),
        "payments_to_review": (
            Payment.objects.flagged().select_related("submission").order_by("updated_at", "pk"),
            "submission__office",
        ),
        "stuck_payments": (_stuck_payments(now), "submission__office"),
        "stuck_refunds": (
            Refund.objects.filter(status=RefundStatus.PROCESSING)
            .filter(Q(decided_at__lt=cut) | Q(decided_at__isnull=True, requested_at__lt=cut))
            .select_related("payment__submission")
            .order_by("requested_at", "pk"),
            "payment__submission__office",
        ),
        "waiting_refunds": (
            Refund.objects.filter(status=RefundStatus.AWAITING_APPROVAL, requested_at__lt=cut)
            .select_related("payment__submission")
            .order_by("requested_at", "pk"),
            "payment__submission__office",
        ),
        "overdue": (
            Submission.objects.overdue(timezone.localdate(now))
            .only("pk", "reference", "service_title", "expected_completion", "status")
            .order_by("expected_completion", "pk"),
            "office",
        ),
    }


def _of_office(queryset, path, office):
    if path is None:
        return queryset.filter(submission_id__in=Submission.objects.filter(office=office).values("pk"))
    return queryset.filter(**{path: office})


def offices_concerned(now=None):
    """The offices with something in today's digest (a few queries, however many offices there are)."""
    now = now or timezone.now()
    found = set()
    for queryset, path in _sections(now).values():
        if path is None:
            ids = queryset.exclude(submission_id=None).values("submission_id")
            found |= set(Submission.objects.filter(pk__in=ids).values_list("office_id", flat=True))
        else:
            found |= set(queryset.order_by().values_list(path, flat=True).distinct())
    return Office.objects.filter(pk__in=found - {None}).select_related("site").order_by("code")


def collect(now=None, office=None) -> Digest:
    """The installation's digest, or (`office`) that office's part of it."""
    now = now or timezone.now()
    sections = {
        name: _section(queryset if office is None else _of_office(queryset, path, office))
        for name, (queryset, path) in _sections(now).items()
    }
    if office is not None:
        return Digest(now=now, worker=None, storage_faults={}, **sections)
    worker = heartbeat.worker_state(now)
    faults = health.run(sorted(STORES))
    return Digest(
        now=now,
        worker=None if worker.ok else worker,
        storage_faults={name: result.error.message for name, result in faults.items() if result.error},
        **sections,
    )


def administrators(office=None):
    """The installation's administrators; or (`office`) that office's, less the installation's (who
    have the whole digest already)."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    installation = Q(groups__name=ADMINISTRATORS) | Q(is_superuser=True)
    if office is None:
        chosen = users.filter(installation)
    else:
        chosen = users.filter(
            groups__office_group__office=office, groups__office_group__role=ADMINISTRATORS
        ).exclude(pk__in=users.filter(installation).values("pk"))
    return chosen.select_related("wagtail_userprofile").distinct().order_by("pk")


def _language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "preferred_language", "") or "th"


def render(digest: Digest, language: str, office=None) -> tuple[str, str, str]:
    """(subject, body, sender) in `language`; an office's from and linking to its own site."""
    today = timezone.localdate(digest.now)
    page = office.site.root_page if office is not None else None
    with translation.override(language):
        context = {
            **message_context(page=page),
            "digest": digest,
            "office": office,
            "today": today,
            "language": language,
            "overdue_rows": [(s, (today - s.expected_completion).days) for s in digest.overdue.items],
            "links": {
                "inbox": admin_url(reverse("inbox:index") + "?due=overdue", page=page),
                "payments": admin_url(reverse("payments_admin:index"), page=page),
                "messages": admin_url(reverse("outbox:failed"), page=page),
            },
        }
        subject = render_to_string("operations/email/digest_subject.txt", context)
        body = render_to_string("operations/email/digest.txt", context)
    return subject, body, context["sender"]


def _queue(digest, users, office=None) -> int:
    sent = 0
    for user in users:
        language = _language(user)
        subject, body, sender = render(digest, language, office)
        sender = sender if office is not None else ""  # the installation's own address for its digest
        outbox.queue(to=user.email, subject=subject, body=body, kind=KIND, language=language, sender=sender)
        sent += 1
    return sent


def send(now=None) -> int:
    """Queue the digest for every administrator if there is anything to say, and each office's part for
    its administrators if there is anything of theirs; returns how many."""
    now = now or timezone.now()
    digest = collect(now)
    if not digest:
        return 0
    sent = _queue(digest, administrators())
    for office in offices_concerned(now):
        users = administrators(office)
        if users:
            sent += _queue(collect(now, office), users, office)
    return sent
