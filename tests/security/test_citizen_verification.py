import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from freezegun import freeze_time

from casework.models import Submission
from security import citizen_verification as verification
from security import conf
from security.models import CitizenDevice

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(db):
    return Submission.objects.create(
        reference="BS-69-000123",
        service_title="ค่าธรรมเนียมเก็บขยะ",
        language="th",
        applicant_email="somchai@example.com",
        processing_days=3,
        expected_completion=datetime.date(2026, 11, 26),
    )


def page_url(submission, next_url="/th/status/"):
    return verification.verification_url(submission, next_url)


def ask_for_code(client, submission, **extra):
    return client.post(page_url(submission), {"action": "send", "next": "/th/status/"}, **extra)


def sent_code():
    return re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.M).group(1)


def enter(client, submission, code):
    return client.post(page_url(submission), {"action": "check", "code": code, "next": "/th/status/"})


def test_the_code_goes_to_the_submissions_address_in_thai_and_unlocks_the_next_page(
    client, site_pages, submission
):
    ask_for_code(client, submission)
    assert mail.outbox[-1].to == ["somchai@example.com"]
    assert "BS-69-000123" in mail.outbox[-1].subject and "รหัส" in mail.outbox[-1].subject
    response = enter(client, submission, sent_code())
    assert response.status_code == 302 and response["Location"] == "/th/status/"
    assert verification.is_verified(response.wsgi_request, submission)


def test_english_requests_get_english_email(client, site_pages, submission):
    submission.language = "en"
    submission.save()
    ask_for_code(client, submission)
    assert "Your code for request BS-69-000123" == mail.outbox[-1].subject


def test_the_page_never_shows_the_address(client, site_pages, submission):
    assert "somchai" not in client.get(page_url(submission)).text
    assert "somchai" not in ask_for_code(client, submission, follow=True).text


def test_a_code_works_once(client, site_pages, submission):
    ask_for_code(client, submission)
    code = sent_code()
    assert enter(client, submission, code).status_code == 302
    other = Client()
    assert enter(other, submission, code).status_code == 200  # refused, form shown again
    assert not verification.is_verified(other.get("/th/").wsgi_request, submission)


def test_a_code_expires_after_ten_minutes(client, site_pages, submission):
    with freeze_time("2026-11-23 10:00:00"):
        ask_for_code(client, submission)
        code = sent_code()
    with freeze_time("2026-11-23 10:10:30"):
        response = enter(client, submission, code)
    assert response.status_code == 200
    assert "หมดอายุ" in response.text


def test_five_wrong_tries_void_the_code(client, site_pages, submission):
    ask_for_code(client, submission)
    code = sent_code()
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        device = CitizenDevice.objects.get()
        device.throttling_failure_timestamp = None  # skip django-otp's growing delay between tries
        device.save()
        enter(client, submission, wrong)
    response = enter(client, submission, code)
    assert response.status_code == 200
    assert not verification.is_verified(response.wsgi_request, submission)


def test_a_new_code_at_most_every_minute(client, site_pages, submission):
    with freeze_time("2026-11-23 10:00:00"):
        ask_for_code(client, submission)
        ask_for_code(client, submission)
        assert len(mail.outbox) == 1
    with freeze_time("2026-11-23 10:01:01"):
        ask_for_code(client, submission)
        assert len(mail.outbox) == 2


def test_at_most_five_codes_an_hour_per_address(client, site_pages, submission):
    for minute in range(7):
        with freeze_time(f"2026-11-23 10:{minute * 2:02d}:00"):
            ask_for_code(client, submission)
    assert len(mail.outbox) == 5


def test_at_most_thirty_codes_an_hour_from_one_client_address(client, site_pages, submission):
    """Higher than the 5 per email address: it only stops one machine mailing many citizens, and a
    village or the counter shares one address (docs/security.md)."""
    assert conf.CITIZEN_CODES_PER_HOUR_PER_IP == 30
    for number in range(32):
        other = Submission.objects.create(
            reference=f"BS-69-0002{number:02d}",
            service_title="x",
            language="th",
            applicant_email=f"person{number}@example.com",
            processing_days=3,
            expected_completion=datetime.date(2026, 11, 26),
        )
        ask_for_code(client, other, REMOTE_ADDR="203.0.113.9")
    assert len(mail.outbox) == 30


def test_verification_is_for_one_submission_only(client, site_pages, submission):
    other = Submission.objects.create(
        reference="BS-69-000124",
        service_title="x",
        language="th",
        applicant_email="malee@example.com",
        processing_days=3,
        expected_completion=datetime.date(2026, 11, 26),
    )
    ask_for_code(client, submission)
    enter(client, submission, sent_code())
    request = client.get("/th/").wsgi_request
    assert verification.is_verified(request, submission)
    assert not verification.is_verified(request, other)


def test_next_cannot_lead_off_the_site(client, site_pages, submission):
    ask_for_code(client, submission)
    response = client.post(
        page_url(submission, "https://evil.example/"),
        {"action": "check", "code": sent_code(), "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


@pytest.mark.parametrize("code", ["", "12345", "abcdef", "1234567", "' OR 1=1", "\x00\x00"])
def test_malformed_codes_get_a_message_not_an_error(client, site_pages, submission, code):
    ask_for_code(client, submission)
    response = enter(client, submission, code)
    assert response.status_code == 200


def test_an_unknown_reference_looks_like_a_known_one(client, site_pages, submission):
    """References are sequential: the page must not tell anyone which ones exist."""
    known, unknown = Client(), Client()

    def visible_text(response):
        return re.sub(r"BS-69-000\d{3}|csrfmiddlewaretoken\" value=\"[^\"]+", "", response.text)

    pages = []
    for browser, reference in ((known, "BS-69-000123"), (unknown, "BS-69-000999")):
        url = f"/th/verify/{reference}/?next=/th/status/"
        first = browser.get(url)
        sent = browser.post(url, {"action": "send", "next": "/th/status/"}, follow=True)
        wrong = browser.post(url, {"action": "check", "code": "000000", "next": "/th/status/"})
        pages.append(
            [first.status_code, sent.status_code, wrong.status_code, visible_text(sent), visible_text(wrong)]
        )
    assert pages[0] == pages[1]
    assert len(mail.outbox) == 1  # only the real request's address got a code


def test_a_malformed_reference_is_not_found(client, site_pages):
    assert client.get("/th/verify/not-a-reference!/").status_code == 404
