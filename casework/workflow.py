"""The review workflow of a submission: the one table of allowed transitions and the one function
that applies them.

Nothing else assigns `Submission.status`. `transition()` locks the submission's row
(`select_for_update`), refuses what the table does not allow, what the actor may not do and what was
decided on an out-of-date page (optimistic concurrency: every change raises `version`; a form carries
the version it was built on), then records who, when and why on the timeline and queues the
citizen's email once the transaction commits.

Assignment, internal comments and messages to the citizen change no state; they live here too so
that every write to a submission goes through the same locks and the same timeline.
"""

import dataclasses

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework import deadlines, notices, timeline
from casework.constants import EventKind, SubmissionStatus
from casework.models import Submission, SubmissionFile
from eforms.storage import all_or_nothing

S = SubmissionStatus


class Action:
    START_REVIEW = "start_review"
    REQUEST_INFORMATION = "request_information"
    CITIZEN_REPLY = "citizen_reply"
    RESUME = "resume"
    APPROVE = "approve"
    REJECT = "reject"
    COMPLETE = "complete"
    WITHDRAW = "withdraw"
    RESOLVE = "resolve"
    REOPEN = "reopen"


STAFF, CITIZEN = "staff", "citizen"


@dataclasses.dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset
    target: str
    by: str  # STAFF or CITIZEN
    label: object  # the button
    reason_required: bool = False
    reason_label: object = ""
    #: Only for a request made without an e-service page (a problem report): an e-service's request
    #: never takes it.
    without_service: bool = False
    #: Offered as a button on the inbox's detail page (a problem report is closed on its own page,
    #: with its "after" photo).
    in_inbox: bool = True

    def allows(self, status) -> bool:
        return status in self.sources

    def applies_to(self, submission) -> bool:
        return not (self.without_service and submission.service_id)


#: The only transitions there are. Payment states are kept by the payments app, beside these.
TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in [
        Transition(Action.START_REVIEW, frozenset({S.SUBMITTED}), S.IN_REVIEW, STAFF, _("Start review")),
        Transition(
            Action.REQUEST_INFORMATION,
            frozenset({S.SUBMITTED, S.IN_REVIEW}),
            S.WAITING,
            STAFF,
            _("Request information or documents"),
            reason_required=True,
            reason_label=_("What the citizen must send"),
        ),
        Transition(
            Action.CITIZEN_REPLY,
            frozenset({S.WAITING}),
            S.IN_REVIEW,
            CITIZEN,
            _("Send my reply"),
            reason_required=True,
            reason_label=_("Your reply"),
        ),
        Transition(
            Action.RESUME,
            frozenset({S.WAITING}),
            S.IN_REVIEW,
            STAFF,
            _("Resume review (the citizen replied at the office)"),
            reason_required=True,
            reason_label=_("What the citizen brought or said"),
        ),
        Transition(Action.APPROVE, frozenset({S.IN_REVIEW}), S.APPROVED, STAFF, _("Approve")),
        Transition(
            Action.REJECT,
            frozenset({S.SUBMITTED, S.IN_REVIEW, S.WAITING}),
            S.REJECTED,
            STAFF,
            _("Reject"),
            reason_required=True,
            reason_label=_("Reason for the rejection (the citizen sees it)"),
        ),
        Transition(Action.COMPLETE, frozenset({S.APPROVED}), S.COMPLETED, STAFF, _("Mark as completed")),
        Transition(
            Action.WITHDRAW,
            frozenset({S.SUBMITTED, S.IN_REVIEW, S.WAITING}),
            S.WITHDRAWN,
            CITIZEN,
            _("Withdraw my request"),
        ),
        # A problem report is fixed in one step (no decision to approve first) and its reporter may say
        # it is not fixed; the problems app adds its own conditions through hooks.
        Transition(
            Action.RESOLVE,
            frozenset({S.SUBMITTED, S.IN_REVIEW, S.WAITING, S.APPROVED}),
            S.COMPLETED,
            STAFF,
            _("Close as fixed"),
            reason_required=True,
            reason_label=_("What was done (everyone sees it)"),
            without_service=True,
            in_inbox=False,
        ),
        Transition(
            Action.REOPEN,
            frozenset({S.COMPLETED}),
            S.IN_REVIEW,
            CITIZEN,
            _("It is not fixed"),
            reason_required=True,
            reason_label=_("What is still wrong"),
            without_service=True,
            in_inbox=False,
        ),
    ]
}


class WorkflowError(Exception):
    """A refused change, with a message for the person who tried it (translated lazily)."""

    code = "refused"

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class TransitionNotAllowed(WorkflowError):
    code = "not_allowed"


class StaleSubmission(WorkflowError):
    code = "stale"


class ReasonRequired(WorkflowError):
    code = "reason_required"


class OverrideRequired(WorkflowError):
    code = "override_required"


class NotPermitted(WorkflowError):
    code = "not_permitted"


#: What other apps do inside a transition's transaction, by action: `register_hook(Action.APPROVE, fn)`.
#: `fn(submission, *, actor, now)` runs with the submission's row locked, after the table and the
#: actor's rights allowed the change and before the new state is saved; raising a `WorkflowError`
#: refuses the change and rolls back everything (documents issues a licence's number here).
_hooks: dict[str, list] = {}


def register_hook(action: str, function):
    if action not in TRANSITIONS:
        raise ValueError(f"Unknown action {action!r}")
    if function not in _hooks.setdefault(action, []):
        _hooks[action].append(function)


def available(submission, by=STAFF) -> list[Transition]:
    """The transitions `by` (staff or citizen) can make from the submission's state now."""
    return [
        t
        for t in TRANSITIONS.values()
        if t.by == by and t.allows(submission.status) and t.applies_to(submission)
    ]


def needs_override(submission) -> bool:
    """Missing information may be requested once; a second request needs an administrator."""
    return submission.information_requests >= 1


def can_override(user) -> bool:
    return bool(user and (user.is_superuser or user.has_perm("casework.override_information_request")))


def _lock(submission, actor, expected_version):
    pk = submission.pk if isinstance(submission, Submission) else submission
    if actor is not None and not Submission.objects.visible_to(actor).filter(pk=pk).exists():
        raise NotPermitted(_("You do not handle this service's requests."))
    locked = Submission.objects.select_for_update().get(pk=pk)
    if expected_version is not None and locked.version != int(expected_version):
        last = locked.events.exclude(kind=EventKind.FILE_VIEWED).order_by("-at", "-pk").first()
        who = (last.actor_name if last else "") or _("someone else")
        raise StaleSubmission(
            _(
                "%(who)s changed this request while you were reading it, so nothing was saved. "
                "Read its current state below and try again if it still applies."
            )
            % {"who": who}
        )
    return locked


def _bump(submission, now, fields):
    submission.version += 1
    submission.updated_at = now
    submission.save(update_fields=[*fields, "version", "updated_at"])


def transition(
    submission,
    action: str,
    *,
    actor=None,
    expected_version=None,
    reason: str = "",
    override: bool = False,
    citizen_name: str = "",
    files=(),
    now=None,
) -> Submission:
    """Apply `action` to the submission (an instance or a pk) and return the saved submission.

    `actor` is the staff user, or None for the citizen (only citizen actions are then possible).
    Raises a `WorkflowError` subclass when refused; nothing is written then.
    `files`: for the citizen's reply, `(uploaded file, detected type)` pairs, already validated.
    """
    rule = TRANSITIONS.get(action)
    if rule is None:
        raise TransitionNotAllowed(_("This action does not exist."))
    if (actor is None) != (rule.by == CITIZEN):
        raise NotPermitted(_("This action is not yours to take."))
    reason = (reason or "").strip()
    if rule.reason_required and not reason:
        raise ReasonRequired(_("Please write %(what)s.") % {"what": str(rule.reason_label).lower()})
    now = now or timezone.now()
    today = timezone.localdate(now)
    notify = []
    with transaction.atomic():
        sub = _lock(submission, actor, expected_version)
        if not rule.applies_to(sub):
            raise TransitionNotAllowed(_("This action does not exist."))
        if not rule.allows(sub.status):
            raise TransitionNotAllowed(
                _("A request that is “%(state)s” cannot be changed that way. Nothing was saved.")
                % {"state": S(sub.status).label}
            )
        source = sub.status
        fields = ["status", "status_changed_at"]
        if action == Action.REQUEST_INFORMATION:
            if needs_override(sub):
                if not override:
                    raise OverrideRequired(
                        _(
                            "Information was already requested once for this request. By law it may be "
                            "requested only once; an administrator can override this."
                        )
                    )
                if not can_override(actor):
                    raise NotPermitted(_("Only an administrator can request information a second time."))
                timeline.record(
                    sub,
                    EventKind.OVERRIDE,
                    actor=actor,
                    message=reason,
                    data={"rule": "information_requested_once", "requests_before": sub.information_requests},
                )
            sub.information_requests += 1
            sub.paused_since = today
            fields += ["information_requests", "paused_since"]
        if source == S.WAITING:
            new_deadline, lost = deadlines.resumed_deadline(
                sub.expected_completion, sub.paused_since, today, deadlines.office_of(sub)
            )
            sub.paused_days += lost
            if rule.target == S.IN_REVIEW:
                sub.expected_completion = new_deadline
            sub.paused_since = None
            fields += ["paused_days", "paused_since", "expected_completion"]
        if rule.target in (S.APPROVED, S.REJECTED):
            sub.decided_at = now
            fields.append("decided_at")
        if rule.target == S.COMPLETED:
            sub.completed_at = now
            fields.append("completed_at")
        for hook in _hooks.get(action, ()):
            hook(sub, actor=actor, now=now)
        if source == S.COMPLETED:  # reopened: no longer completed
            sub.completed_at = None
            fields.append("completed_at")
        sub.status = rule.target
        sub.status_changed_at = now
        _bump(sub, now, sorted(set(fields)))
        if action == Action.CITIZEN_REPLY:
            reply = timeline.record(
                sub,
                EventKind.MESSAGE_FROM_CITIZEN,
                message=reason,
                visible_to_citizen=True,
                actor_name=citizen_name or str(_("Citizen")),
            )
            _attach(sub, reply, files, now)
        event = timeline.record(
            sub,
            EventKind.STATUS,
            actor=actor,
            actor_name="" if actor else (citizen_name or str(_("Citizen"))),
            from_status=source,
            to_status=rule.target,
            message="" if action == Action.CITIZEN_REPLY else reason,
            visible_to_citizen=True,
            data={"action": action, "deadline": sub.expected_completion.isoformat()},
        )
        notify.append(event)
        if action == Action.CITIZEN_REPLY and sub.assignee_id:
            notify.append("officer")
    for item in notify:
        if item == "officer":
            transaction.on_commit(lambda: notices.officer_reply_email(sub))
        else:
            transaction.on_commit(lambda item=item: notices.status_email(sub, item))
    return sub


def _attach(submission, event, files, now):
    """The citizen's files, all or none: a storage failure removes those already stored and raises
    `StorageUnavailable`, which rolls the whole reply back."""
    with all_or_nothing() as written:
        for uploaded, file_type in files:
            record = SubmissionFile(
                submission=submission,
                field_key="reply",
                original_name=uploaded.name[:255],
                file_type=file_type,
                size=uploaded.size,
                event=event,
                uploaded_at=now,
            )
            uploaded.seek(0)
            record.file.save(uploaded.name, File(uploaded), save=False)
            written.remember(record.file.name)
            record.save()


def assign(submission, assignee, *, actor, expected_version=None, now=None) -> Submission:
    """Give the submission to `assignee` (None: unassign). The assignee must be able to see it."""
    now = now or timezone.now()
    with transaction.atomic():
        sub = _lock(submission, actor, expected_version)
        if assignee is not None and not Submission.objects.visible_to(assignee).filter(pk=sub.pk).exists():
            raise NotPermitted(_("This colleague does not handle this service's requests."))
        if sub.assignee_id == (assignee.pk if assignee else None):
            return sub
        previous = sub.assignee
        sub.assignee = assignee
        _bump(sub, now, ["assignee"])
        timeline.record(
            sub,
            EventKind.ASSIGNED,
            actor=actor,
            message=(assignee.get_full_name() or assignee.get_username()) if assignee else "",
            data={
                "from": previous.pk if previous else None,
                "to": assignee.pk if assignee else None,
            },
        )
    return sub


def comment(submission, text, *, actor) -> object:
    """An internal note for colleagues; the citizen never sees it."""
    text = (text or "").strip()
    if not text:
        raise ReasonRequired(_("Please write the comment."))
    with transaction.atomic():
        sub = _lock(submission, actor, None)
        return timeline.record(sub, EventKind.COMMENT, actor=actor, message=text)


def message_citizen(submission, text, *, actor) -> object:
    """A message to the citizen (shown on the status page and emailed); the state does not change."""
    text = (text or "").strip()
    if not text:
        raise ReasonRequired(_("Please write the message."))
    with transaction.atomic():
        sub = _lock(submission, actor, None)
        event = timeline.record(
            sub, EventKind.MESSAGE_TO_CITIZEN, actor=actor, message=text, visible_to_citizen=True
        )
        transaction.on_commit(lambda: notices.status_email(sub, event))
    return event
