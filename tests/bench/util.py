"""Helpers for benchmarks: time a request and count its queries."""

import statistics
import time

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext


def measure_get(url, repeat=20, client=None, **headers):
    """(median seconds, queries of a warm request, response size in bytes) for GET `url`, rendered:
    the page cache is off here (its own figure is in bench_page_cache)."""
    with override_settings(TAMBON_PAGE_CACHE_SECONDS=0):
        return _measure_get(url, repeat, client, **headers)


def _measure_get(url, repeat, client, **headers):
    client = client or Client()
    response = client.get(url, **headers)  # warm caches, as a real visitor after the first would
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url, **headers)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return statistics.median(timings), len(queries), len(response.content)
