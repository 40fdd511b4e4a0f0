"""Redis down (issue 11): with REDIS_URL pointing at a port where nothing listens the site still
serves pages, the limits still hold (counted in each process's memory), and the log says so once."""

import datetime
import logging
import socket
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from freezegun import freeze_time

from casework.models import Submission
from security import failsafe_cache
from security.citizen_verification import verification_url

pytestmark = pytest.mark.django_db

REDIS_DB = 6  # this project's tests' own Redis database


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_redis(settings, url):
    failsafe_cache._down_until.clear()
    settings.CACHES = {
        "default": {
            "BACKEND": "security.failsafe_cache.FailSafeRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "tambon-test",
        }
    }


@pytest.fixture
def dead_redis(settings):
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/{REDIS_DB}")
    yield
    failsafe_cache._down_until.clear()


def test_pages_are_served_and_the_outage_is_logged_once(site_pages, dead_redis, caplog):
    client = Client()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="security.failsafe_cache"):
        for url in ("/th/", "/en/", "/th/status/", "/th/search/?query=ขยะ", "/th/"):
            assert client.get(url).status_code == 200, url
    assert time.monotonic() - started < 20  # a refused connection costs nothing like a timeout
    outage = [r for r in caplog.records if r.name == "security.failsafe_cache"]
    assert len(outage) == 1 and outage[0].levelno == logging.ERROR
    assert "cannot be reached" in outage[0].getMessage() and "this process's memory" in outage[0].getMessage()


def test_code_limits_still_hold_while_redis_is_down(site_pages, dead_redis):
    submission = Submission.objects.create(
        reference="BS-69-000321",
        service_title="ค่าธรรมเนียม",
        language="th",
        applicant_email="somchai@example.com",
        processing_days=3,
        expected_completion=datetime.date(2026, 11, 26),
    )
    client = Client()
    for minute in range(7):  # past the one-minute gap each time
        with freeze_time(f"2026-11-23 10:{minute * 2:02d}:00"):
            response = client.post(
                verification_url(submission, "/th/status/"), {"action": "send", "next": "/th/status/"}
            )
            assert response.status_code in (200, 302)
    assert len(mail.outbox) == 5  # not one more than with Redis up


def test_sign_in_throttling_still_holds_while_redis_is_down(permit_officer, dead_redis):
    client = Client()
    for _ in range(8):
        client.post("/admin/login/", {"username": "officer", "password": "wrong-password"})
    good = {"username": "officer", "password": "a-long-test-password"}
    assert client.post("/admin/login/", good).status_code == 429


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_back_to_shared_counting_when_redis_answers_again(settings, caplog):
    use_redis(settings, f"redis://127.0.0.1:6379/{REDIS_DB}")
    cache.clear()
    label = cache.label
    failsafe_cache._down_until[label] = time.monotonic() - 1  # an outage whose retry time has come
    with caplog.at_level(logging.WARNING, logger="security.failsafe_cache"):
        cache.set("shared", "from redis")
    assert label not in failsafe_cache._down_until
    assert "answers again" in caplog.text
    assert cache.get("shared") == "from redis" and cache.fallback.get("shared") is None
    cache.clear()
