"""The demo, loaded once per test run and copied into each test that wants it.

`load_demo` takes about 30 s of CPU (hundreds of pages published and translated through Wagtail and
wagtail-localize). A browser journey over the demo needs what it made, not to watch it being made
again: the first test that asks runs the real `manage.py load_demo` (test settings) in a subprocess
on a copy of the migrated template, and keeps the result — a data dump on PostgreSQL, the database file
on SQLite, and the files it wrote. Every test that asks then gets that data and those files in its own
database and media folders. `tests/home/test_demo.py` and `tests/problems/test_demo.py` still run
`load_demo` itself.

Only for transactional tests (browser journeys, live servers): the data is written outside the test's
transaction, and such tests empty the database afterwards.
"""

import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests import database_template

ROOT = database_template.ROOT
PREFIX = "tambon_demo_"
#: Set in every xdist worker of one run; a run without xdist makes its own.
RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
FOLDER = Path(tempfile.gettempdir()) / f"{PREFIX}{RUN[:16]}"


def _load_demo(database_url: str):
    """The real command, in a subprocess whose temporary folder (so its media) is the snapshot's."""
    tmp = FOLDER / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "TMPDIR": str(tmp),
    }
    env.pop("PORT", None)
    subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=900,
    )
    (media_root,) = tmp.glob("tambon-test-*")  # config/settings/test.py's folder
    media_root.rename(FOLDER / "files")


def _postgres_options(db) -> list:
    """pg_dump's and psql's host, port and user for the settings `db`."""
    return ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"] or "postgres"]


def _postgres_url(name: str) -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _build_postgres():
    template = database_template.template_name()
    name = f"{PREFIX}{RUN[:16]}"
    lock_path = Path(tempfile.gettempdir()) / f"{template}.lock"
    with open(lock_path, "w") as lock:  # the template must not be in use while it is copied
        fcntl.flock(lock, fcntl.LOCK_EX)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            cursor.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        _load_demo(_postgres_url(name))
        db = settings.DATABASES["default"]
        subprocess.run(
            ["pg_dump", "--data-only", "--no-owner", "--no-privileges", "-f", str(FOLDER / "demo.sql"),
             *_postgres_options(db), name],
            check=True, timeout=300,
        )  # fmt: skip
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")


def _build_sqlite():
    template = (
        Path(tempfile.gettempdir()) / f"{database_template.PREFIX}{database_template.signature()}.sqlite3"
    )
    FOLDER.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, FOLDER / "building.sqlite3")
    _load_demo(f"sqlite:///{FOLDER / 'building.sqlite3'}")
    (FOLDER / "building.sqlite3").rename(FOLDER / "demo.sqlite3")


def _ensure_built():
    """Build the snapshot once for the whole run (the first worker builds, the others wait)."""
    done = FOLDER / "done"
    FOLDER.mkdir(parents=True, exist_ok=True)
    with open(FOLDER / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return
        _drop_stale()
        shutil.rmtree(FOLDER / "files", ignore_errors=True)
        _build_postgres() if connection.vendor == "postgresql" else _build_sqlite()
        done.touch()


def _drop_stale():
    """Snapshots of earlier runs, a day old or more."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        if folder != FOLDER and folder.stat().st_mtime < time.time() - 86400:
            shutil.rmtree(folder, ignore_errors=True)


def _restore_postgres():
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = ", ".join(connection.ops.quote_name(t) for (t,) in cursor.fetchall())
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    db = connection.settings_dict
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(FOLDER / "demo.sql"),
         *_postgres_options(db), db["NAME"]],
        env={**os.environ, "PGOPTIONS": "-c session_replication_role=replica"},  # rows in any order
        check=True, stdout=subprocess.DEVNULL, timeout=300,
    )  # fmt: skip


def _restore_sqlite():
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{FOLDER / 'demo.sqlite3'}?mode=ro", uri=True)
    source.backup(connection.connection)
    source.close()


def restore():
    """This test's database and media folders hold the demo, as after `manage.py load_demo`."""
    _ensure_built()
    _restore_postgres() if connection.vendor == "postgresql" else _restore_sqlite()
    files = FOLDER / "files"
    for name, target in (("media", settings.MEDIA_ROOT), ("private_media", settings.PRIVATE_MEDIA_ROOT)):
        if (files / name).exists():
            shutil.copytree(files / name, target, dirs_exist_ok=True)
    # Content type ids are the template's, as in this database: Django's cache of them stays (emptied,
    # the next test's set-up would create rows while it restores them, and collide).
    cache.clear()  # menus, site root paths, offices and pages cached before the data changed
