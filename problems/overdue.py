"""Late reports: a first answer past the category's response time, a fix past its resolution time.

- The first answer is the office's first entry on the request's timeline that the reporter can see and
  that a member of staff made (a public answer, a message, a change of state): `record_first_response`
  stamps `ProblemReport.first_response_at` from casework's timeline, whoever writes it.
- A report late either way is flagged on the officer's page, on the inbox's page of the request (the
  summary) and on the admin's home page (`late_reports`).
- Its division is told by email (`notify_divisions`, run daily by `manage.py eforms_notify` through
  casework's `overdue.register_notifier`): once when the first answer is late, and again every 7 days
  while the fix is late — as casework tells citizens. A category without a division tells the office's
  administrators. One email per person, listing that person's late reports, in their admin language.
"""

import collections

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from casework.constants import CLOCK_RUNNING_STATUSES, OPEN_STATUSES, EventKind
from casework.overdue import NOTICE_EVERY
from home.groups import ADMINISTRATORS
from home.site import admin_url, message_context
from outbox import services as outbox
from problems.models import ProblemReport

#: Timeline entries by staff, seen by the reporter, that answer a report.
ANSWERING_KINDS = frozenset({EventKind.STATUS, EventKind.MESSAGE_TO_CITIZEN})
KIND = "problems:late"


def record_first_response(sender, instance, created, **kwargs):
    """post_save of casework's timeline entries: the first staff entry the reporter sees answers the
    report. Requests of e-services (with a service page) are not reports: no query for them."""
    if not created or instance.actor_id is None or not instance.visible_to_citizen:
        return
    if instance.kind not in ANSWERING_KINDS or instance.submission.service_id is not None:
        return
    ProblemReport.objects.filter(submission_id=instance.submission_id, first_response_at__isnull=True).update(
        first_response_at=instance.at
    )


def response_late_condition(today) -> Q:
    return Q(first_response_at__isnull=True, respond_by__lt=today, submission__status__in=OPEN_STATUSES)


def resolution_late_condition(today) -> Q:
    return Q(submission__status__in=CLOCK_RUNNING_STATUSES, submission__expected_completion__lt=today)


def late_reports(today=None):
    """Reports whose first answer or fix is late (the caller narrows them to what a user may see)."""
    today = today or timezone.localdate()
    return ProblemReport.objects.filter(response_late_condition(today) | resolution_late_condition(today))


def lateness(report, today=None) -> list[str]:
    """ "response" and/or "resolution": what is late about `report` (its submission loaded)."""
    today = today or timezone.localdate()
    found = []
    if report.response_late(today):
        found.append("response")
    submission = report.submission
    if submission.status in CLOCK_RUNNING_STATUSES and submission.expected_completion < today:
        found.append("resolution")
    return found


def _due_for_notice(now):
    today = timezone.localdate(now)
    response = response_late_condition(today) & Q(response_late_notified_at__isnull=True)
    resolution = resolution_late_condition(today) & (
        Q(resolution_late_notified_at__isnull=True) | Q(resolution_late_notified_at__lte=now - NOTICE_EVERY)
    )
    return ProblemReport.objects.filter(response | resolution)


def _recipients(reports):
    """{report id: [users]}: the category's division, or the office's administrators without one."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    divisions = {r.category.division_id for r in reports if r.category.division_id}
    offices = {r.office_id for r in reports if not r.category.division_id}
    of_division = collections.defaultdict(list)
    for user in users.filter(groups__in=divisions).select_related("wagtail_userprofile").distinct():
        for group_id in user.groups.filter(pk__in=divisions).values_list("pk", flat=True):
            of_division[group_id].append(user)
    of_office = collections.defaultdict(list)
    admins = users.filter(groups__office_group__office__in=offices, groups__office_group__role=ADMINISTRATORS)
    for user in admins.select_related("wagtail_userprofile").distinct():
        for office_id in user.groups.filter(
            office_group__office__in=offices, office_group__role=ADMINISTRATORS
        ).values_list("office_group__office", flat=True):
            of_office[office_id].append(user)
    return {
        r.pk: of_division[r.category.division_id] if r.category.division_id else of_office[r.office_id]
        for r in reports
    }


def _language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "preferred_language", "") or "th"


def notify_divisions(now=None) -> int:
    """Queue one email per person whose division has reports newly late (see the module); safe to run
    as often as you like: the reports are stamped in the same transaction, their rows locked."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    with transaction.atomic():
        reports = list(
            _due_for_notice(now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("category", "submission", "office__site")
            .order_by("respond_by", "pk")
        )
        if not reports:
            return 0
        lines = collections.defaultdict(list)  # (user, office) -> [(report, what is late)]
        recipients = _recipients(reports)
        for report in reports:
            late = []
            if report.response_late(today) and report.response_late_notified_at is None:
                report.response_late_notified_at = now
                late.append("response")
            if "resolution" in lateness(report, today) and (
                report.resolution_late_notified_at is None
                or report.resolution_late_notified_at <= now - NOTICE_EVERY
            ):
                report.resolution_late_notified_at = now
                late.append("resolution")
            for user in recipients[report.pk]:
                lines[(user, report.office)].append((report, late))
        ProblemReport.objects.bulk_update(
            reports, ["response_late_notified_at", "resolution_late_notified_at"]
        )
        for (user, office), rows in lines.items():
            _queue(user, office, rows, today)
            sent += 1
    return sent


def _queue(user, office, rows, today):
    language = _language(user)
    page = office.site.root_page
    with translation.override(language):
        context = {
            **message_context(page=page),
            "today": today,
            "rows": [
                {
                    "report": report,
                    "late": late,
                    "url": admin_url(reverse("problems_admin:manage", args=[report.pk]), page=page),
                }
                for report, late in rows
            ],
        }
        subject = render_to_string("problems/email/late_subject.txt", context).strip()
        body = render_to_string("problems/email/late.txt", context)
    outbox.queue(
        to=user.email, subject=subject, body=body, kind=KIND, language=language, sender=context["sender"]
    )
