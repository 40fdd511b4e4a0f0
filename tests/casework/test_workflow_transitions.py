"""Every transition allowed and refused, who may make it, reasons, versions, the once-only rule."""

import pathlib
import re

import pytest

from casework import workflow
from casework.constants import EventKind, SubmissionStatus
from casework.models import Submission, SubmissionEvent
from tests.casework.factories import make_submission

S = SubmissionStatus
ALL_PAIRS = [(status, action) for status in S.values for action in workflow.TRANSITIONS]


def _run(submission, action, user):
    rule = workflow.TRANSITIONS[action]
    actor = user if rule.by == workflow.STAFF else None
    return workflow.transition(submission, action, actor=actor, reason="เหตุผล / reason")


@pytest.mark.parametrize(("status", "action"), ALL_PAIRS)
def test_each_transition_is_allowed_only_from_its_sources(handled_service, administrator, status, action):
    submission = make_submission(handled_service, status=status, paused_since=None)
    rule = workflow.TRANSITIONS[action]
    if rule.allows(status) and not rule.without_service:  # RESOLVE, REOPEN: problem reports only
        result = _run(submission, action, administrator)
        assert result.status == rule.target
        event = SubmissionEvent.objects.get(submission=submission, kind=EventKind.STATUS)
        assert (event.from_status, event.to_status) == (status, rule.target)
        assert event.actor == (administrator if rule.by == workflow.STAFF else None)
        assert event.visible_to_citizen
        assert result.version == 2
    else:
        with pytest.raises(workflow.TransitionNotAllowed):
            _run(submission, action, administrator)
        fresh = Submission.objects.get(pk=submission.pk)
        assert fresh.status == status and fresh.version == 1
        assert not SubmissionEvent.objects.filter(submission=submission).exists()


def test_the_table_is_the_one_the_issue_describes():
    edges = {
        (source, t.target)
        for t in workflow.TRANSITIONS.values()
        if not t.without_service
        for source in t.sources
    }
    assert (S.SUBMITTED, S.IN_REVIEW) in edges
    assert (S.IN_REVIEW, S.WAITING) in edges and (S.WAITING, S.IN_REVIEW) in edges
    assert (S.IN_REVIEW, S.APPROVED) in edges and (S.APPROVED, S.COMPLETED) in edges
    assert (S.IN_REVIEW, S.REJECTED) in edges
    assert not any(source in {S.COMPLETED, S.REJECTED, S.WITHDRAWN} for source, _t in edges)
    assert (S.SUBMITTED, S.APPROVED) not in edges  # a decision needs a review


def test_a_citizen_action_needs_no_staff_and_a_staff_action_needs_staff(submission, administrator):
    with pytest.raises(workflow.NotPermitted):
        workflow.transition(submission, workflow.Action.START_REVIEW)
    with pytest.raises(workflow.NotPermitted):
        workflow.transition(submission, workflow.Action.WITHDRAW, actor=administrator)


def test_unknown_action_is_refused(submission, administrator):
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.transition(submission, "delete", actor=administrator)


def test_a_rejection_needs_a_reason_and_records_it(submission, permit_officer):
    with pytest.raises(workflow.ReasonRequired):
        workflow.transition(submission, workflow.Action.REJECT, actor=permit_officer, reason="  ")
    workflow.transition(submission, workflow.Action.REJECT, actor=permit_officer, reason="เอกสารไม่ครบ")
    event = submission.events.get(kind=EventKind.STATUS)
    assert event.message == "เอกสารไม่ครบ"
    assert event.actor == permit_officer
    submission.refresh_from_db()
    assert submission.decided_at is not None


def test_an_officer_of_another_service_is_refused(submission, other_officer):
    with pytest.raises(workflow.NotPermitted):
        workflow.transition(submission, workflow.Action.START_REVIEW, actor=other_officer)
    with pytest.raises(workflow.NotPermitted):
        workflow.assign(submission, other_officer, actor=other_officer)


def test_a_form_built_on_an_old_version_is_refused(submission, permit_officer, administrator):
    workflow.transition(submission, workflow.Action.START_REVIEW, actor=permit_officer, expected_version=1)
    with pytest.raises(workflow.StaleSubmission) as refused:
        workflow.transition(
            submission, workflow.Action.REJECT, actor=administrator, expected_version=1, reason="x"
        )
    assert "officer" in str(refused.value.message)  # says who changed it
    fresh = Submission.objects.get(pk=submission.pk)
    assert fresh.status == S.IN_REVIEW and fresh.version == 2


def test_information_may_be_requested_once_then_only_with_an_administrators_override(
    submission, permit_officer, administrator
):
    workflow.transition(submission, "request_information", actor=permit_officer, reason="สำเนาโฉนด")
    workflow.transition(submission, "citizen_reply", reason="แนบแล้ว")
    with pytest.raises(workflow.OverrideRequired):
        workflow.transition(submission, "request_information", actor=permit_officer, reason="อีกครั้ง")
    with pytest.raises(workflow.NotPermitted):
        workflow.transition(
            submission, "request_information", actor=permit_officer, reason="อีกครั้ง", override=True
        )
    workflow.transition(
        submission, "request_information", actor=administrator, reason="ขอแผนที่", override=True
    )
    submission.refresh_from_db()
    assert submission.status == S.WAITING and submission.information_requests == 2
    override = submission.events.get(kind=EventKind.OVERRIDE)
    assert override.actor == administrator and override.message == "ขอแผนที่"


def test_assign_comment_and_message(submission, permit_officer, administrator):
    workflow.assign(submission, permit_officer, actor=administrator, expected_version=1)
    submission.refresh_from_db()
    assert submission.assignee == permit_officer and submission.version == 2
    with pytest.raises(workflow.StaleSubmission):
        workflow.assign(submission, administrator, actor=administrator, expected_version=1)
    workflow.comment(submission, "โทรหาผู้ยื่นแล้ว", actor=permit_officer)
    workflow.message_citizen(submission, "กรุณานำบัตรมาแสดง", actor=permit_officer)
    kinds = list(submission.events.values_list("kind", "visible_to_citizen"))
    assert (EventKind.COMMENT, False) in kinds
    assert (EventKind.MESSAGE_TO_CITIZEN, True) in kinds
    with pytest.raises(workflow.ReasonRequired):
        workflow.comment(submission, " ", actor=permit_officer)


def test_nothing_else_writes_status():
    """Only eforms/workflow.py assigns a submission's status (a guard against shortcuts)."""
    root = pathlib.Path(__file__).resolve().parents[3]
    offenders = []
    for path in list((root / "eforms").rglob("*.py")) + list((root / "payments").rglob("*.py")):
        if path.name == "workflow.py" or "migrations" in path.parts:
            continue
        if re.search(r"\bsub(mission)?\.status\s*=[^=]", path.read_text()):
            offenders.append(str(path))
    assert offenders == []
