"""What happens to a report after it is made, as one table and one guarded function (`act`), the way
`casework.workflow` does it for requests: the officer closes it as fixed with an answer and an
"after" photo; its reporter says "fixed" or "not fixed" (which reopens it once, with a reason).

A report's state *is* its request's (`casework.workflow`): closing is the request's `RESOLVE`,
reopening its `REOPEN`, both made through `casework.workflow.transition` inside this transaction.
The hooks registered at start-up (`register_casework_hooks`) hold the same rules when something else
tries those transitions (the inbox, a script): a report is never completed without a new "after"
photo, never reopened twice or too late.
"""

import dataclasses
import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casework import timeline
from casework import workflow as casework
from casework.constants import OPEN_STATUSES, EventKind, SubmissionStatus
from eforms.storage import all_or_nothing
from problems.constants import MAX_REOPENINGS, VERDICT_DAYS, PhotoKind, Verdict
from problems.models import ProblemPhoto, ProblemReport, PublicAnswer

STAFF, CITIZEN = casework.STAFF, casework.CITIZEN
WorkflowError = casework.WorkflowError


class ReportAction:
    CLOSE = "close"
    FIXED = "fixed"
    NOT_FIXED = "not_fixed"


@dataclasses.dataclass(frozen=True)
class Rule:
    action: str
    by: str
    sources: frozenset
    label: object
    text_required: bool = False
    photo_required: bool = False
    #: The request's transition this makes (None: the request's state does not change).
    case_action: str | None = None


RULES: dict[str, Rule] = {
    r.action: r
    for r in [
        Rule(
            ReportAction.CLOSE,
            STAFF,
            frozenset(OPEN_STATUSES),
            _("Close as fixed"),
            text_required=True,
            photo_required=True,
            case_action=casework.Action.RESOLVE,
        ),
        Rule(ReportAction.FIXED, CITIZEN, frozenset({SubmissionStatus.COMPLETED}), _("It is fixed")),
        Rule(
            ReportAction.NOT_FIXED,
            CITIZEN,
            frozenset({SubmissionStatus.COMPLETED}),
            _("It is not fixed"),
            text_required=True,
            case_action=casework.Action.REOPEN,
        ),
    ]
}


def verdict_closes_at(report):
    """The last moment the reporter may still say "fixed" or "not fixed" (None while not closed)."""
    closed = report.submission.completed_at
    return closed + datetime.timedelta(days=VERDICT_DAYS) if closed else None


def citizen_refusal(report, action, now=None):
    """Why the reporter may not take `action` now ("" if they may): the one place these rules live."""
    now = now or timezone.now()
    if report.submission.status != SubmissionStatus.COMPLETED:
        return gettext("You can say this only once the office has closed the case.")
    if report.verdict:
        return gettext("You have already told us what you think of this repair.")
    closes = verdict_closes_at(report)
    if closes is None or now > closes:
        return gettext(
            "The time to answer has passed (%(days)s days after the office closed the case). If it is "
            "still not fixed, please report it again or call the office."
        ) % {"days": VERDICT_DAYS}
    if action == ReportAction.NOT_FIXED and report.reopenings >= MAX_REOPENINGS:
        return gettext(
            "This case was already reopened once. If it is still not fixed, please report it again or call "
            "the office."
        )
    return ""


def _store_photo(report, photo, kind, written, now):
    record = ProblemPhoto(
        report=report,
        kind=kind,
        width=photo.width,
        height=photo.height,
        size=len(photo.data),
        uploaded_at=now,
    )
    record.file.save("photo.jpg", ContentFile(photo.data), save=False)
    written.remember(record.file.name)
    record.save()
    return record


def act(report, action, *, actor=None, text="", photo=None, citizen_name="", now=None):
    """Apply `action` to the report (staff: `actor`; the reporter: no actor) and return it, or raise a
    `casework.workflow.WorkflowError` with a message for whoever tried; nothing is written then."""
    rule = RULES.get(action)
    if rule is None:
        raise casework.TransitionNotAllowed(_("This action does not exist."))
    if (actor is None) != (rule.by == CITIZEN):
        raise casework.NotPermitted(_("This action is not yours to take."))
    text = (text or "").strip()
    if rule.text_required and not text:
        raise casework.ReasonRequired(
            _("Please write what was done.") if rule.by == STAFF else _("Please tell us what is still wrong.")
        )
    if rule.photo_required and photo is None:
        raise casework.ReasonRequired(_("Please add a photo taken after the work."))
    now = now or timezone.now()
    storage = ProblemPhoto._meta.get_field("file").storage
    with all_or_nothing(storage) as written, transaction.atomic():
        locked = ProblemReport.objects.select_for_update().get(pk=report.pk)
        locked = ProblemReport.objects.select_related("submission", "category").get(pk=locked.pk)
        if locked.submission.status not in rule.sources:
            raise casework.TransitionNotAllowed(
                _("This case is “%(state)s” now: nothing was saved.") % {"state": locked.public_state.label}
            )
        if rule.by == CITIZEN and (refusal := citizen_refusal(locked, action, now)):
            raise casework.TransitionNotAllowed(refusal)
        if action == ReportAction.CLOSE:
            _store_photo(locked, photo, PhotoKind.AFTER, written, now)
            PublicAnswer.objects.create(report=locked, text=text, author=actor, at=now)
            locked.verdict, locked.verdict_at, locked.verdict_reason = "", None, ""
        elif action == ReportAction.FIXED:
            locked.verdict, locked.verdict_at = Verdict.FIXED, now
            timeline.record(
                locked.submission,
                EventKind.MESSAGE_FROM_CITIZEN,
                actor_name=citizen_name or gettext("Reporter"),
                message=gettext("The reporter says it is fixed."),
                visible_to_citizen=True,
                data={"verdict": Verdict.FIXED},
            )
        elif action == ReportAction.NOT_FIXED:
            locked.verdict, locked.verdict_at, locked.verdict_reason = Verdict.NOT_FIXED, now, text
        locked.save(update_fields=["verdict", "verdict_at", "verdict_reason"])
        if rule.case_action:
            casework.transition(
                locked.submission,
                rule.case_action,
                actor=actor,
                reason=text,
                citizen_name=citizen_name or gettext("Reporter"),
                now=now,
            )
        if action == ReportAction.NOT_FIXED:
            ProblemReport.objects.filter(pk=locked.pk).update(reopenings=locked.reopenings + 1)
            locked.reopenings += 1
    return locked


def _report_of(submission):
    return ProblemReport.objects.filter(submission_id=submission.pk).first()


def _resolve_needs_after_photo(submission, *, actor, now):
    """RESOLVE and COMPLETE: a report needs an "after" photo taken since its last change of state."""
    report = _report_of(submission)
    if report is None:
        return
    since = submission.status_changed_at or submission.submitted_at
    if not report.photos.filter(kind=PhotoKind.AFTER, uploaded_at__gte=since).exists():
        raise casework.TransitionNotAllowed(
            _("Close a problem report on its own page, with an answer and a photo taken after the work.")
        )


def _reopen_rules(submission, *, actor, now):
    report = _report_of(submission)
    if report is None:
        return
    report.submission = submission
    if report.reopenings >= MAX_REOPENINGS or (
        verdict_closes_at(report) is not None and now > verdict_closes_at(report)
    ):
        raise casework.TransitionNotAllowed(
            _("This case cannot be reopened any more. Please report the problem again.")
        )


def register_casework_hooks():
    casework.register_hook(casework.Action.RESOLVE, _resolve_needs_after_photo)
    casework.register_hook(casework.Action.COMPLETE, _resolve_needs_after_photo)
    casework.register_hook(casework.Action.REOPEN, _reopen_rules)
