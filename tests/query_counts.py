"""Counting a page's SQL queries as the page cache's misses cost them."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


def uncached_queries(client, url):
    """Queries of a warm GET of `url` that the page cache does not answer (fragments and renditions
    warm, as for any visitor after the first)."""
    with override_settings(TAMBON_PAGE_CACHE_SECONDS=0):
        # Twice: the first view may make what every later one reuses (renditions, the site's settings
        # row, which counts as a change and so empties the caches once).
        client.get(url)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)
