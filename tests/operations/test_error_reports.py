"""Error reports go to Sentry only when SENTRY_DSN is set, and carry no personal data.

Each case runs in its own Python process: the SDK, once started, stays for the life of a process."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from operations.errors import mask
from tests.operations.fake_sentry import FakeSentry

SCRIPT = """
import json, sys, django
django.setup()
print(json.dumps({"sentry_loaded": "sentry_sdk" in sys.modules}))
if "sentry_sdk" in sys.modules:
    import sentry_sdk
    from wsgiref.util import setup_testing_defaults
    from django.core.wsgi import get_wsgi_application
    from django.test.utils import override_settings
    environ = {
        "PATH_INFO": "/boom/",
        "QUERY_STRING": "email=somchai@example.com",
        "HTTP_HOST": "localhost",
        "HTTP_COOKIE": "csrftoken=cookie-secret; other=cookie-secret",
        "HTTP_AUTHORIZATION": "Bearer header-secret",
        "HTTP_X_FORWARDED_FOR": "203.0.113.9",
        "REMOTE_ADDR": "203.0.113.9",
    }
    setup_testing_defaults(environ)
    statuses = []
    with override_settings(ROOT_URLCONF="tests.operations.urls"):
        b"".join(get_wsgi_application()(environ, lambda status, headers: statuses.append(status)))
    print(json.dumps({"status": statuses[0]}))
    sentry_sdk.flush(5)
"""


def run(**env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env}
    if "SENTRY_DSN" not in env:
        environment.pop("SENTRY_DSN", None)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_without_a_dsn_the_sdk_is_not_even_imported():
    assert run() == [{"sentry_loaded": False}]


def test_an_error_is_reported_without_personal_data():
    sentry = FakeSentry().start()
    try:
        output = run(SENTRY_DSN=sentry.dsn, SENTRY_ENVIRONMENT="test")
    finally:
        sentry.stop()
    assert output == [{"sentry_loaded": True}, {"status": "500 Internal Server Error"}]
    [event] = sentry.events
    sent = json.dumps(event, ensure_ascii=False)
    assert event["environment"] == "test"
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert "could not save [email], id [id], phone [phone]" in sent
    assert event["request"]["url"].endswith("/boom/") and event["request"]["method"] == "GET"
    for secret in (
        "somchai",
        "1101700207030",
        "1-1017-00207-03-0",
        "081-234-5678",
        "cookie-secret",
        "header-secret",
        "203.0.113.9",
    ):
        assert secret not in sent, secret
    frames = event["exception"]["values"][-1]["stacktrace"]["frames"]
    assert not any(frame.get("vars") for frame in frames)  # no local variables
    assert "user" not in event


@pytest.mark.parametrize(
    "text, masked",
    [
        ("mail to a.b+c@example.co.th failed", "mail to [email] failed"),
        ("ID 1101700207030 and 1 1017 00207 03 0", "ID [id] and [id]"),
        ("call 0812345678 or 02-123-4567 or +66812345678", "call [phone] or [phone] or [phone]"),
        ("reference BS-69-000123, 4,000 baht", "reference BS-69-000123, 4,000 baht"),
        ("from 203.0.113.9 and 2001:db8::1, 2001:db8:1:2:3:4:5:6", "from [address] and [address], [address]"),
        ("at 12:30:45 on 1.2.3", "at 12:30:45 on 1.2.3"),
    ],
)
def test_masks(text, masked):
    assert mask(text) == masked
