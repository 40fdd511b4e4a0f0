"""One run at a time of a scheduled job, across processes and servers, without Redis.

A cache lock is only as shared as the cache: with the local-memory fallback (Redis down, or not
configured) each process has its own, and two `sync_payments` started by cron and by hand both run.
The database is what every process shares: PostgreSQL's advisory locks, released when the holder
ends or its connection drops; on SQLite (one machine) a lock file beside the database.
"""

import contextlib
import fcntl
import zlib
from pathlib import Path

from django.db import connection as default_connection


@contextlib.contextmanager
def single_run(name: str, *, using=None):
    """Yield True if this process holds the lock `name` for the block, False if another one does.
    `using`: the database connection to hold it with (default: this thread's)."""
    connection = using or default_connection
    if connection.vendor == "postgresql":
        key = zlib.crc32(name.encode())  # a stable 32-bit key for the same name in every process
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    database = str(connection.settings_dict["NAME"])
    folder = (
        Path(database).parent
        if database and ":memory:" not in database and "mode=memory" not in database
        else None
    )
    path = (folder if folder and folder.is_dir() else Path("/tmp")) / f".tambon-{name}.lock"  # noqa: S108 — a lock, no data
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
