"""Twenty officers approve twenty licence requests at the same moment: each gets its own number,
1 to 20, with no gap and no duplicate (the office's counter row is locked in each approval's
transaction). Real threads and connections; row locks need PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from casework import workflow
from documents.models import IssuedDocument
from tests.documents.conftest import licence_request

pytestmark = pytest.mark.django_db(transaction=True)

APPROVALS = 20


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_twenty_approvals_at_once_take_twenty_consecutive_numbers(
    licence_service, licence_link, permit_officer
):
    requests = [licence_request(licence_service) for _ in range(APPROVALS)]
    barrier = threading.Barrier(APPROVALS)
    errors = []

    def approve(submission):
        try:
            barrier.wait()
            workflow.transition(submission.pk, workflow.Action.APPROVE, actor=permit_officer)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(s,)) for s in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sequences = sorted(IssuedDocument.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, APPROVALS + 1))
    assert IssuedDocument.objects.values("number").distinct().count() == APPROVALS
