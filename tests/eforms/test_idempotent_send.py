"""Sending is idempotent: the review page carries a one-time token saved with the request in its
transaction, so a repeated or retried final POST leads to the request already made, whatever failed
after the commit, and the citizen can always see its reference."""

import re

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.test import Client

from casework import services
from casework.models import Submission
from outbox.models import Message
from tests.eforms.test_wizard_journey import STEP1, STEP2, pdf
from tests.eforms.wizard_client import Wizard


def fill_in(client, service):
    """The three steps; returns (wizard, the one-time token on the review page)."""
    wizard = Wizard(client, service)
    wizard.post("start", STEP1)
    wizard.post("details_step", STEP2)
    wizard.post("documents_step", {"consent": "on"}, files={"id_card_copy": pdf()})
    review = wizard.get()
    assert "ตรวจสอบคำตอบ" in review.text or "Check your answers" in review.text
    token = re.search(r'name="send_token" value="([0-9a-f]{32})"', review.text)[1]
    assert wizard.current_step(review) == "review"
    return wizard, token


def send(wizard, token):
    return wizard.post("review", {"website": ""}, send_token=token)


@pytest.mark.django_db(transaction=True)
def test_the_database_cut_after_the_commit_neither_hides_nor_duplicates_the_request(client, service):
    """The issue's scenario: the request is committed, then the session cannot be saved (the database
    connection is gone). The citizen sees the site's own page, sends again and gets the same reference."""
    wizard, token = fill_in(client, service)

    def session_save_fails(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("UPDATE") and "django_session" in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(session_save_fails):
        lost = send(wizard, token)
    assert lost.status_code == 400
    assert (
        "ไม่สามารถดำเนินการตามคำขอของท่านได้" in lost.text and "ส่งซ้ำได้" in lost.text
    )  # Thai, not "Bad Request (400)"
    assert 'class="site-header"' in lost.text
    submission = Submission.objects.get()  # it was saved, but this browser's session does not know it

    # Reloading the form shows what was sent, not the review page again.
    reload = wizard.get()
    assert reload.status_code == 302 and reload["Location"].endswith(f"done/?sent={token}")

    # The browser's back button still has the review page: sending it again changes nothing.
    again = send(wizard, token)
    assert again.status_code == 302 and again["Location"].endswith(f"done/?sent={token}")
    confirmation = client.get(again["Location"])
    assert confirmation.status_code == 200 and submission.reference in confirmation.text
    assert Submission.objects.count() == 1
    assert Message.objects.filter(kind="acknowledgement").count() == 1

    # The confirmation is reached by the token alone, should even this session be lost.
    elsewhere = Client().get(again["Location"])
    assert elsewhere.status_code == 200 and submission.reference in elsewhere.text


@pytest.mark.django_db
def test_a_repeated_final_post_leads_to_the_same_request(client, service):
    wizard, token = fill_in(client, service)
    first = send(wizard, token)
    assert first.status_code == 302
    reference = Submission.objects.get().reference
    assert reference in client.get(first["Location"]).text

    assert send(wizard, token)["Location"] == first["Location"]  # a double click, a browser's resend
    assert Submission.objects.count() == 1
    assert wizard.current_step() == "start"  # the form was sent: it starts again, empty


@pytest.mark.django_db
def test_a_second_request_with_the_same_token_is_refused_by_the_database(service):
    """Two sendings at the same moment (two tabs): the second fails in the database, not later."""
    arguments = {"answers": {}, "shown_steps": [], "files": {}, "language": "th", "send_token": "a" * 32}
    services.submit(service, **arguments)
    with pytest.raises(IntegrityError):
        services.submit(service, **arguments)
    assert Submission.objects.count() == 1


@pytest.mark.django_db
def test_a_forged_or_missing_token_still_sends_once(client, service):
    wizard, _token = fill_in(client, service)
    response = wizard.post("review", {"website": ""}, send_token="'; DROP TABLE")
    assert response.status_code == 302
    assert Submission.objects.count() == 1 and Submission.objects.get().send_token  # the session's token
