"""Two officers act on the same submission at the same moment: one wins, the other is refused with a
message, nothing is overwritten. Real threads and connections (row locks need PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from casework import workflow
from casework.models import Submission
from tests.casework.factories import make_submission

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_officers_at_once(handled_service, permit_officer, administrator):
    submission = make_submission(handled_service, status="in_review")
    barrier = threading.Barrier(2)
    outcomes = {}

    def act(name, user, action, reason):
        barrier.wait()
        try:
            workflow.transition(submission.pk, action, actor=user, expected_version=1, reason=reason)
            outcomes[name] = "ok"
        except workflow.StaleSubmission:
            outcomes[name] = "stale"
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=act, args=("approve", permit_officer, "approve", "")),
        threading.Thread(target=act, args=("reject", administrator, "reject", "ไม่ผ่าน")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["ok", "stale"]
    fresh = Submission.objects.get(pk=submission.pk)
    assert fresh.version == 2
    assert fresh.events.filter(kind="status").count() == 1
