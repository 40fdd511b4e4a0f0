"""`/healthz` as a load balancer and a monitor see it: JSON, 200 or 503 naming what failed, reasons only
with the token, answered before sessions, language redirects, host checks and HTTPS redirects."""

import datetime

import pytest
from django.apps import apps
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time

from operations import heartbeat
from operations.heartbeat import HEARTBEAT_KEY, heartbeat_task
from outbox.services import deliver_message

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def broken_media(settings, tmp_path):
    """The public store's folder is a file: nothing can be written there."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"
    return blocker


def test_all_good_is_200_json_uncached_without_session_for_any_host(
    client, settings, django_assert_num_queries
):
    settings.SECURE_SSL_REDIRECT = True  # production redirects http to https, but not the probe
    with django_assert_num_queries(0):  # the database check uses its own short connection
        response = client.get("/healthz", HTTP_HOST="10.0.0.7")  # a probe by address, not in ALLOWED_HOSTS
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "private_storage": "ok", "worker": "ok"},
        "failed": [],
    }
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.cookies and "Vary" not in response
    assert client.head("/healthz/").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_a_failed_check_is_503_and_named_with_reasons_only_for_the_token(client, settings, broken_media):
    settings.HEALTHZ_TOKEN = "s3cret-token"
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failed" and body["failed"] == ["storage"]
    assert body["checks"]["storage"] == "failed" and body["checks"]["database"] == "ok"
    assert "details" not in body and str(broken_media) not in response.content.decode()
    assert "details" not in client.get("/healthz", HTTP_AUTHORIZATION="Bearer wrong").json()

    detailed = client.get("/healthz", HTTP_AUTHORIZATION="Bearer s3cret-token").json()
    assert set(detailed["details"]) == {"storage"} and detailed["details"]["storage"]
    assert set(detailed["seconds"]) == set(detailed["checks"])


def test_a_probe_can_ask_for_some_checks_only(client, broken_media):
    response = client.get("/healthz?check=database,cache")
    assert response.status_code == 200 and set(response.json()["checks"]) == {"database", "cache"}
    assert client.get("/healthz?check=database,nonsense").status_code == 400


def test_an_unreachable_cache_fails_the_cache_check(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    response = client.get("/healthz?check=cache,database")
    assert response.status_code == 503 and response.json()["failed"] == ["cache"]


def test_the_immediate_backend_needs_no_worker(client):
    cache.delete(HEARTBEAT_KEY)
    assert client.get("/healthz?check=worker").status_code == 200


def test_with_a_queue_the_worker_must_have_beaten_lately(client, settings):
    settings.TASKS = DUMMY_TASKS
    assert client.get("/healthz?check=worker").json()["failed"] == ["worker"]  # never seen

    heartbeat.beat()  # what a worker does after every task, and on the 5-minute timer
    assert client.get("/healthz?check=worker").status_code == 200

    later = timezone.now() + datetime.timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE + 60)
    with freeze_time(later):
        response = client.get("/healthz?check=worker")
    assert response.status_code == 503 and response.json()["failed"] == ["worker"]


def test_every_finished_task_writes_the_heartbeat():
    cache.delete(HEARTBEAT_KEY)
    deliver_message.enqueue(0)  # no such message: the task does nothing, but it ran
    assert cache.get(HEARTBEAT_KEY) == pytest.approx(timezone.now().timestamp(), abs=5)


@pytest.mark.skipif(not apps.is_installed("django_tasks_db"), reason="django-tasks-db is not installed")
def test_with_django_tasks_db_the_real_worker_is_seen(client, settings):
    """The database backend: a queued task nobody runs is a fault; `db_worker` running it is the beat,
    in the cache and (for processes that do not share a cache) in the task table."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cache.delete(HEARTBEAT_KEY)
    heartbeat_task.enqueue()
    assert client.get("/healthz?check=worker").status_code == 503
    with freeze_time(timezone.now() + datetime.timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE + 60)):
        assert heartbeat.worker_state().waiting_since is not None  # waited too long: stopped or far behind

    # What `manage.py db_worker` does with it (its loop would close the test's transaction).
    from django_tasks_db.management.commands.db_worker import Worker  # noqa: PLC0415 — installed with the worker

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    [queued] = apps.get_model("django_tasks_database", "DBTaskResult").objects.ready()
    queued.claim(worker.worker_id)
    worker.run_task(queued)
    assert client.get("/healthz?check=worker").status_code == 200
    cache.delete(HEARTBEAT_KEY)  # another process's cache: the finished task still shows the worker
    assert client.get("/healthz?check=worker").status_code == 200
