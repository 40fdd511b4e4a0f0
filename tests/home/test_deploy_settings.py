import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 64 + "-not-a-real-secret-but-long-and-random-enough-9f8e7d",
    "ALLOWED_HOSTS": "www.doingam.example.go.th",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_manage(*args, env):
    # Not the test run's own settings, and not the browser tests' async switch (a deploy error).
    inherited = ("DEBUG", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE, env={**clean, **env}, capture_output=True, text=True
    )


def test_check_deploy_reports_nothing_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_stays_off_in_production_whatever_the_environment_says():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        env={**PRODUCTION_ENV, "DEBUG": "true"},
    )
    assert result.stdout.strip().endswith("False"), result.stderr


def test_make_run_on_another_port_links_staff_to_that_port():
    """`make run PORT=8123` exports PORT: staff links in the demo's messages go to the server it runs."""
    clean = {k: v for k, v in os.environ.items() if k not in ("WAGTAILADMIN_BASE_URL", "PORT")}
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"],
        cwd=BASE,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "PORT": "8123"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "http://127.0.0.1:8123", result.stderr
