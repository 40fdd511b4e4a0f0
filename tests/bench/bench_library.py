"""Service library: creating an office with 12 services from the library (issue 12's target: under
10 s), one service added to an existing office, and taking a newer version of a service.

Beside the wall time: the CPU time of this process (what the machine's other load does not inflate;
the database's own time is not in it) and the number of queries, with the load average of the machine.

The office is created with the production task backend (the database's): what Wagtail hands the
worker (search index and reference index updates of the new pages) is queued, as when an administrator
creates an office, and the worker's time to run it is reported on its own line.
"""

import os
import time
from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from library import catalogue, services
from library.sync import sync_library
from offices.services import create_office
from tests.conftest import build_thai_home
from tests.library.conftest import release

SERVICES = 12
PRODUCTION_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@contextmanager
def counting_queries():
    counted = [0]

    def count(execute, sql, params, many, context):
        counted[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield counted


def run(report):
    build_thai_home(site_name="Bench")
    started = time.perf_counter()
    sync_library()
    report("library: sync_library, 13 model services (first run)", time.perf_counter() - started, "s")
    started = time.perf_counter()
    sync_library()
    report("library: sync_library again (nothing changed)", time.perf_counter() - started, "s")

    codes = catalogue.ORDER[:SERVICES]
    report("library: load average of the machine (1 min) before", os.getloadavg()[0], "")
    started, cpu = time.perf_counter(), time.process_time()
    with override_settings(TASKS=PRODUCTION_TASKS), counting_queries() as queries:
        office = create_office(
            hostname="bench.example", code="bench", name_th="เทศบาลตำบลทดสอบ", name_en="Bench", services=codes
        )
    report(f"library: create an office with {SERVICES} library services", time.perf_counter() - started, "s")
    report("library: … CPU time of this process", time.process_time() - cpu, "s")
    report("library: … queries", queries[0], "queries")
    queued = DBTaskResult.objects.count()
    started = time.perf_counter()
    with override_settings(TASKS=PRODUCTION_TASKS):
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    report(f"library: … then the worker's {queued} tasks (search index)", time.perf_counter() - started, "s")

    last = catalogue.ORDER[SERVICES]
    model_service = services.resolve_codes([last])[0]
    started = time.perf_counter()
    services.adopt(office, model_service)
    report("library: add one service to an office's catalogue", time.perf_counter() - started, "s")

    release("food-shop", fee=600, days=20)
    adoption = office.adoptions.get(model_service__code="food-shop")
    started = time.perf_counter()
    services.take_newest(adoption)
    report("library: take a newer version of a service", time.perf_counter() - started, "s")
