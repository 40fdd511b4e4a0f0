"""One migrated PostgreSQL database for every pytest worker: migrating takes each worker about 40 s
of CPU (over a hundred migrations, data migrations, Wagtail's trees), cloning a migrated template
takes about a second. The template is named by a hash of every migration and of requirements.txt,
so a changed migration builds a new one, and by the checkout's folder, so that two checkouts (worktrees
with different migrations) never drop each other's; it is built under a lock by the first worker that needs it,
under a temporary name renamed when complete (a build that fails leaves nothing to reuse).

On SQLite the template is a file, copied into each worker's in-memory database with sqlite3's backup
API (as Django's own parallel runner does).
"""

import fcntl
import hashlib
import sqlite3
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "tambon_tpl_"


def signature() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    digest.update((ROOT / "requirements.txt").read_bytes())  # the installed packages' migrations
    return digest.hexdigest()[:16]


def _checkout() -> str:
    return hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]


def template_name() -> str:
    """This checkout's template for its migrations as they are now."""
    return f"{PREFIX}{_checkout()}_{signature()}"


def _stale(candidate: str, current: str) -> bool:
    """A template of this checkout's older migrations, or one named before templates had a checkout."""
    rest = candidate[len(PREFIX) :]
    return candidate != current and (rest.startswith(f"{_checkout()}_") or "_" not in rest)


def _exists(cursor, name) -> bool:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def _quote(name) -> str:
    return connection.ops.quote_name(name)


def _migrate_into(name):
    """Django's own test set-up (every migration) into the database `name`; the settings restored."""
    test_settings = settings.DATABASES["default"]["TEST"]
    original_test_name, original_name = test_settings.get("NAME"), settings.DATABASES["default"]["NAME"]
    test_settings["NAME"] = name
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        connection.close()
        test_settings["NAME"] = original_test_name
        settings.DATABASES["default"]["NAME"] = original_name
        connection.settings_dict["NAME"] = original_name


def _build(template):
    """Migrate a database named `template` (through a temporary name) with Django's own test set-up."""
    building = f"{template}_building"
    _migrate_into(building)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"ALTER DATABASE {_quote(building)} RENAME TO {_quote(template)}")


def _drop_stale(cursor, template):
    """Templates of older migrations, unless another run is using one (then it stays for now)."""
    cursor.execute("SELECT datname FROM pg_database")
    for (name,) in cursor.fetchall():
        if name.startswith(PREFIX) and _stale(name, template):
            try:
                cursor.execute(f"DROP DATABASE IF EXISTS {_quote(name)}")
            except Exception:  # noqa: BLE001 — in use by a concurrent run: left for a later one
                pass


def clone_for_this_worker() -> bool:
    """Make this worker's test database a copy of the migrated template. False when not PostgreSQL."""
    if connection.vendor != "postgresql":
        return False
    template = template_name()
    target = connection.creation._get_test_db_name()
    lock_path = Path(tempfile.gettempdir()) / f"{template}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one builder; the others wait, then clone
        with connection._nodb_cursor() as cursor:
            missing = not _exists(cursor, template)
        if missing:
            _build(template)
            with connection._nodb_cursor() as cursor:
                _drop_stale(cursor, template)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {_quote(target)}")
            cursor.execute(f"CREATE DATABASE {_quote(target)} TEMPLATE {_quote(template)}")
    return True


def close_other_sessions() -> None:
    """End other connections to this worker's test database, so that it can be dropped."""
    if connection.vendor != "postgresql":
        return
    name = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )


#: This worker's own connection to its in-memory database: the database lives while one is open.
_memory_keepers: list = []


def fill_memory_database() -> bool:
    """SQLite: copy the migrated template file into this worker's in-memory test database. False when
    the tests do not run on an in-memory SQLite database."""
    if connection.vendor != "sqlite":
        return False
    target = connection.creation._get_test_db_name()
    if not connection.creation.is_in_memory_db(target):
        return False
    folder = Path(tempfile.gettempdir())
    template = folder / f"{template_name()}.sqlite3"
    with open(folder / f"{template.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            building = folder / f"{template.name}.building"
            building.unlink(missing_ok=True)
            _migrate_into(str(building))
            building.rename(template)
            for stale in folder.glob(f"{PREFIX}*.sqlite3"):
                if _stale(stale.name.removesuffix(".sqlite3"), template.stem):
                    stale.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
    memory = sqlite3.connect(target, uri=True)
    source.backup(memory)
    source.close()
    _memory_keepers.append(memory)
    return True
