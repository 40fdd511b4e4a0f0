"""The background worker's heartbeat: is a worker running and taking the tasks?

The contract, for whatever runs tasks (one line, any process, any time):

    cache.set("tambon:worker:heartbeat", time.time(), None)   # or operations.heartbeat.beat()

It is already written after every task a worker finishes (django-tasks' `task_finished` signal,
connected in `operations/apps.py`) and by `heartbeat_task`, which `manage.py worker_heartbeat`
enqueues every 5 minutes (deploy/systemd/tambon-heartbeat.timer), so an idle worker beats too.

`worker_state()` reads it for `/healthz` and the daily digest. The immediate backend needs no worker.
With any other backend the newest beat must be younger than `WORKER_HEARTBEAT_MAX_AGE` seconds
(15 minutes): the cache key, or, with django-tasks-db installed, the newest finished task in its
table (without Redis every process has its own cache, so the web cannot see the worker's key). A
ready task waiting longer than that also counts as a fault: the worker is gone or far behind.
"""

import dataclasses
import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks.backends.immediate import ImmediateBackend

logger = logging.getLogger(__name__)

HEARTBEAT_KEY = "tambon:worker:heartbeat"


def max_age() -> datetime.timedelta:
    return datetime.timedelta(seconds=int(getattr(settings, "WORKER_HEARTBEAT_MAX_AGE", 15 * 60)))


def beat(now=None):
    cache.set(HEARTBEAT_KEY, (now or timezone.now()).timestamp(), None)


def on_task_finished(sender, **kwargs):
    try:
        beat()
    except Exception as error:  # noqa: BLE001 — a cache fault must never fail the task that finished
        logger.warning("Could not write the worker heartbeat: %s", error)


@task()
def heartbeat_task():
    """Enqueued every few minutes; running it is the proof (the signal above writes the beat too)."""
    beat()


@dataclasses.dataclass
class WorkerState:
    ok: bool
    needed: bool = True
    last_beat: datetime.datetime | None = None
    waiting_since: datetime.datetime | None = None

    @property
    def problem(self) -> str:
        """Why it is not ok, in words for logs and for the health answer's details (no personal data)."""
        if self.ok:
            return ""
        if self.waiting_since is not None:
            return f"a task has waited since {self.waiting_since.isoformat(timespec='seconds')}"
        if self.last_beat is None:
            return "no worker has been seen"
        return f"no worker seen since {self.last_beat.isoformat(timespec='seconds')}"


def worker_needed() -> bool:
    return not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend)


def _cached_beat():
    value = cache.get(HEARTBEAT_KEY)
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, int | float):
        return datetime.datetime.fromtimestamp(value, datetime.UTC)
    return None


def _task_table():
    if not apps.is_installed("django_tasks_db"):
        return None
    return apps.get_model("django_tasks_database", "DBTaskResult")


def worker_state(now=None) -> WorkerState:
    if not worker_needed():
        return WorkerState(ok=True, needed=False)
    now = now or timezone.now()
    beats = [_cached_beat()]
    waiting_since = None
    results = _task_table()
    if results is not None:
        beats.append(
            results.objects.filter(finished_at__isnull=False)
            .order_by("-finished_at")
            .values_list("finished_at", flat=True)
            .first()
        )
        waiting_since = _oldest_waiting(results, now)
    last_beat = max((b for b in beats if b is not None), default=None)
    stale = last_beat is None or last_beat < now - max_age()
    late = waiting_since is not None and waiting_since < now - max_age()
    return WorkerState(
        ok=not (stale or late), last_beat=last_beat, waiting_since=waiting_since if late else None
    )


def _oldest_waiting(results, now):
    """When the longest-waiting ready task became due (its run_after, or when it was enqueued)."""
    ready = results.objects.ready()
    # django-tasks-db stores "no run_after" as a far-future date; such tasks are due when enqueued.
    undeferred = ready.filter(run_after__gt=now).order_by("enqueued_at").values_list("enqueued_at", flat=True)
    deferred = ready.filter(run_after__lte=now).order_by("run_after").values_list("run_after", flat=True)
    times = [t for t in (undeferred.first(), deferred.first()) if t is not None]
    return min(times, default=None)
