"""`/healthz`: is this application server fit to take requests? For a load balancer and for monitoring.

The checks are django-health-check's (database `SELECT 1`, cache write and read, storage write, read
and delete) plus two of ours: the private store of citizens' files and the worker's heartbeat
(`operations.heartbeat`). They run side by side, each with a time limit, so a hung service answers
"failed" within seconds instead of hanging the probe.

The answer is JSON, 200 when every check passed and 503 otherwise, naming the checks that failed;
the reasons (which may name hosts) only with `Authorization: Bearer <HEALTHZ_TOKEN>`. `?check=database,cache`
runs only those (e.g. a load balancer in front of several servers may leave out the worker, which is
not this server's fault). Answered by `HealthCheckMiddleware` before any other middleware: no
session, no language redirect, no page cache, no rate limit, no `ALLOWED_HOSTS` refusal of a probe
by IP address, no HTTPS redirect.
"""

import asyncio
import dataclasses
import datetime
import functools
import uuid

from asgiref.sync import async_to_sync, sync_to_async
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import constant_time_compare
from health_check import checks as builtin
from health_check.base import HealthCheck
from health_check.exceptions import HealthCheckException, ServiceUnavailable

from eforms.storage import private_storage
from operations import heartbeat

TIMEOUT = datetime.timedelta(seconds=3)
PROBE_FOLDER = "healthz"  # where the storage probes write (and what backups leave out)


class Database(builtin.Database):
    timeout = TIMEOUT


class _Probe:
    def get_file_name(self):
        return f"{PROBE_FOLDER}/{uuid.uuid4().hex}.txt"

    def run(self):
        try:
            super().run()
        except HealthCheckException:
            raise
        except Exception as error:  # a full disk, a refused bucket …: what the administrator must read
            raise ServiceUnavailable(f"{type(error).__name__}: {error}"[:300]) from error


class PublicStorage(_Probe, builtin.Storage):
    timeout = TIMEOUT


@dataclasses.dataclass
class PrivateStorage(_Probe, builtin.Storage):
    """Citizens' uploads: not one of STORAGES' aliases but `eforms.storage.private_storage()`."""

    alias: str = "private"
    timeout = TIMEOUT

    @functools.cached_property
    def storage(self):
        return private_storage()


@dataclasses.dataclass
class Worker(HealthCheck):
    timeout = TIMEOUT

    async def run(self):
        try:
            # In the request's own thread, on its own database connection (nothing left open elsewhere).
            state = await sync_to_async(heartbeat.worker_state)()
        except Exception as error:  # the database is down: its own check says so; no traceback per probe
            raise ServiceUnavailable(f"{type(error).__name__}: {error}"[:300]) from error
        if not state.ok:
            raise ServiceUnavailable(state.problem)


CHECKS = {
    "database": Database,
    "cache": functools.partial(builtin.Cache, timeout=TIMEOUT),
    "storage": PublicStorage,
    "private_storage": PrivateStorage,
    "worker": Worker,
}


async def _gather(checks):
    return await asyncio.gather(*(check.get_result() for check in checks))


def run(names=None) -> dict:
    """{name: HealthCheckResult} for the named checks (all by default)."""
    names = list(names or CHECKS)
    results = async_to_sync(_gather)([CHECKS[name]() for name in names])
    return dict(zip(names, results, strict=True))


def _authorised(request) -> bool:
    token = getattr(settings, "HEALTHZ_TOKEN", "")
    given = request.headers.get("Authorization", "")
    return bool(token) and constant_time_compare(given, f"Bearer {token}")


def response(request):
    if request.method not in ("GET", "HEAD"):
        answer = JsonResponse({"error": "method not allowed"}, status=405)
        answer["Allow"] = "GET, HEAD"
        return _uncached(answer)
    wanted = [name.strip() for name in request.GET.get("check", "").split(",") if name.strip()]
    unknown = sorted(set(wanted) - set(CHECKS))
    if unknown:
        return _uncached(JsonResponse({"error": "unknown check", "checks": sorted(CHECKS)}, status=400))
    results = run(wanted)
    failed = [name for name, result in results.items() if result.error]
    body = {
        "status": "failed" if failed else "ok",
        "checks": {name: "failed" if result.error else "ok" for name, result in results.items()},
        "failed": failed,
    }
    if _authorised(request):
        body["details"] = {name: str(result.error) for name, result in results.items() if result.error}
        body["seconds"] = {name: round(result.time_taken, 3) for name, result in results.items()}
    status = 503 if failed else 200
    answer = HttpResponse(status=status) if request.method == "HEAD" else JsonResponse(body, status=status)
    return _uncached(answer)


def _uncached(answer):
    add_never_cache_headers(answer)
    answer["X-Content-Type-Options"] = "nosniff"
    # Django would log every 503 as an error; a probe every few seconds would bury the log in them.
    answer._has_been_logged = True
    return answer
