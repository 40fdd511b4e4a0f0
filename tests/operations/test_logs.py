"""Every log line of a request carries its id, taken from the proxy when sane; JSON lines on request."""

import io
import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings

from operations.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def console(settings):
    """What the configured console handler writes, while the test runs."""
    settings.ROOT_URLCONF = "tests.operations.urls"
    handler = next(h for h in logging.getLogger("django.request").handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_the_proxys_request_id_is_kept_on_the_response_and_every_line(client, console):
    response = client.get("/logs/", HTTP_X_REQUEST_ID="3f2a9c0e5b7d41e8a6c4f1b2d3e4f5a6")
    assert response["X-Request-ID"] == "3f2a9c0e5b7d41e8a6c4f1b2d3e4f5a6"
    client.get("/not-here/", HTTP_X_REQUEST_ID="lb-0001-abcd")  # Django logs a 404 after the middleware
    lines = console.getvalue().splitlines()
    assert any("[3f2a9c0e5b7d41e8a6c4f1b2d3e4f5a6] inside the view" in line for line in lines)
    assert any("[lb-0001-abcd] Not Found: /not-here/" in line for line in lines)


@pytest.mark.parametrize(
    "given", ["", "short", "has space in it", "x" * 200, "abcdefgh\nforged log line", "ไทยไทยไทยไทย"]
)
def test_an_odd_or_missing_request_id_is_replaced(client, console, given):
    response = client.get("/logs/", HTTP_X_REQUEST_ID=given)
    made = response["X-Request-ID"]
    assert made != given and len(made) == 32 and int(made, 16) >= 0
    assert f"[{made}] inside the view" in console.getvalue()
    assert "forged" not in console.getvalue()


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("tambon", logging.INFO, __file__, 1, "from a command", (), None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"


def test_json_lines_carry_the_fields_a_log_search_needs():
    try:
        raise ValueError("bad")
    except ValueError:
        record = logging.LogRecord(
            "tambon.x", logging.ERROR, __file__, 1, "ส่งไม่ได้ %s", ("BS-69-1",), sys.exc_info()
        )
    record.request_id = "abc12345"
    record.status_code = 500
    record.request = "<WSGIRequest: GET '/status/?email=somchai@example.com'>"
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "ส่งไม่ได้ BS-69-1" and "ส่งไม่ได้" in line  # Thai readable, not \u escapes
    assert (entry["level"], entry["logger"], entry["request_id"], entry["status_code"]) == (
        "ERROR",
        "tambon.x",
        "abc12345",
        500,
    )
    assert entry["time"].endswith("+00:00") and "ValueError: bad" in entry["exception"]
    assert "request" not in entry and "somchai" not in line


def test_log_format_json_is_chosen_by_the_environment():
    code = "from config.settings import base; print(base.LOGGING['handlers']['console']['formatter'])"
    env = {**os.environ, "LOG_FORMAT": "json"}
    chosen = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
    )
    assert chosen.stdout.strip() == "json", chosen.stderr
