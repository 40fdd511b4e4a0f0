"""Deadline arithmetic in working days: weekends, the office's holidays, pauses while waiting."""

import datetime

import pytest
from freezegun import freeze_time

from casework import deadlines, workflow
from casework.models import Holiday, Submission
from tests.casework.factories import make_submission, on

D = datetime.date


def test_the_office_calendar_starts_with_thai_public_holidays_2026_2027(db):
    assert Holiday.objects.filter(date__year=2026).count() >= 15
    assert Holiday.objects.filter(date=D(2027, 4, 13)).exists()  # Songkran
    assert not deadlines.is_working_day(D(2026, 4, 13))
    assert not deadlines.is_working_day(D(2026, 11, 21))  # a Saturday


def test_weekends_and_holidays_are_skipped(db):
    # Thursday 31 Dec 2026; 1 Jan 2027 is New Year's Day (Friday), then a weekend.
    assert deadlines.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert deadlines.add_working_days(D(2026, 11, 20), 5) == D(2026, 11, 27)  # Friday + 5 = Friday


def test_an_administrators_holiday_counts_at_once(db):
    assert deadlines.add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 24)
    Holiday.objects.create(date=D(2026, 11, 24), name="วันหยุดพิเศษของเทศบาล")
    assert deadlines.add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 25)
    Holiday.objects.get(date=D(2026, 11, 24)).delete()
    assert deadlines.add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 24)


def test_working_days_between():
    closed = frozenset()
    assert deadlines.working_days_between(D(2026, 11, 23), D(2026, 11, 25), closed) == 2
    assert deadlines.working_days_between(D(2026, 11, 20), D(2026, 11, 23), closed) == 1  # Fri → Mon
    assert deadlines.working_days_between(D(2026, 11, 25), D(2026, 11, 25), closed) == 0


def test_the_clock_stops_while_waiting_and_resumes_on_the_reply(handled_service, permit_officer):
    # Submitted Monday 16 Nov 2026, 5 working days: due Monday 23 Nov.
    with freeze_time(on(D(2026, 11, 16))):
        submission = make_submission(handled_service, processing_days=5)
    assert submission.expected_completion == D(2026, 11, 23)
    with freeze_time(on(D(2026, 11, 18))):  # Wednesday: information requested
        workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอเอกสาร")
    submission.refresh_from_db()
    assert submission.paused_since == D(2026, 11, 18)
    assert deadlines.due_state(submission, today=D(2026, 11, 30)) == "paused"  # never overdue while paused
    with freeze_time(on(D(2026, 11, 23))):  # the next Monday: the citizen replies (Thu, Fri, Mon lost)
        workflow.transition(submission, "citizen_reply", reason="ส่งแล้ว")
    submission.refresh_from_db()
    assert submission.paused_days == 3 and submission.paused_since is None
    assert submission.expected_completion == D(2026, 11, 26)


def test_a_pause_across_a_holiday_does_not_count_the_holiday(handled_service, permit_officer):
    with freeze_time(on(D(2026, 12, 3))):  # Thursday; Mon 7 Dec is a substitute holiday, Thu 10 Dec too
        submission = make_submission(handled_service, processing_days=10)
        workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอเอกสาร")
    with freeze_time(on(D(2026, 12, 9))):
        workflow.transition(submission, "citizen_reply", reason="ส่งแล้ว")
    submission.refresh_from_db()
    lost = deadlines.working_days_between(D(2026, 12, 3), D(2026, 12, 9))
    assert submission.paused_days == lost == 3  # Fri 4, Tue 8, Wed 9
    assert submission.expected_completion == deadlines.add_working_days(D(2026, 12, 3), 13)


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        ("submitted", D(2026, 11, 17), "overdue"),
        ("in_review", D(2026, 11, 18), "due_soon"),
        ("in_review", D(2026, 11, 23), "due_soon"),  # 3 working days after Wed 18 Nov
        ("in_review", D(2026, 11, 24), "on_time"),
        ("waiting", D(2026, 11, 1), "paused"),
        ("approved", D(2026, 11, 1), ""),
        ("completed", D(2026, 11, 1), ""),
    ],
)
def test_due_state(db, status, due, expected):
    submission = Submission(status=status, expected_completion=due)
    assert deadlines.due_state(submission, today=D(2026, 11, 18)) == expected
