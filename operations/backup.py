"""One archive holds everything an office needs to start again: the database and both file stores.

Layout of the archive (an uncompressed tar: the dump and the pictures are compressed already):

    database.dump        PostgreSQL, pg_dump's custom format   (or database.sqlite3 for SQLite)
    public/<name>        the default storage: images, renditions, documents editors publish
    private/<name>       citizens' uploads (`eforms.storage.private_storage()`)
    manifest.json        what is in it, with the size and SHA-256 of every member; written last

Files are read and written through the storage API, so S3 works as local disk does. `restore`
checks every checksum before it changes anything, and refuses a database or store that is not
empty unless forced (then it replaces what is there).
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages
from django.db import OperationalError, connections
from django.utils import timezone

from eforms.storage import private_storage
from operations.health import PROBE_FOLDER

FORMAT = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


def stores() -> dict:
    """The file stores a backup holds, by the folder they take in the archive."""
    return {"public": storages["default"], "private": private_storage()}


def walk(storage, folder=""):
    """Every file name in a store, recursively (an absent local folder is an empty store)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        if not folder and sub == PROBE_FOLDER:
            continue  # /healthz's probe files come and go
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


class _Hashing:
    """Reads a file object through, counting and hashing what tarfile copies into the archive."""

    def __init__(self, handle):
        self.handle, self.sha256, self.size = handle, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def _add(archive, member, handle, size) -> dict:
    info = tarfile.TarInfo(member)
    info.size, info.mtime, info.mode = size, int(timezone.now().timestamp()), 0o600
    reader = _Hashing(handle)
    archive.addfile(info, reader)
    if reader.size != size:
        raise BackupError(f"{member} changed while it was copied ({size} bytes expected, {reader.size} read)")
    return {"size": size, "sha256": reader.sha256.hexdigest()}


# The database --------------------------------------------------------------------------------------


def _vendor(alias):
    vendor = connections[alias].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _pg_env(settings_dict) -> dict:
    """libpq's environment for the database (the password never appears in a process list)."""
    env = dict(os.environ)
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
    }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def _run(command, env):
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (the PostgreSQL client tools).") from error
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def dump_database(target: Path, alias="default") -> str:
    """Write the database to `target`; returns the archive member's name."""
    connection = connections[alias]
    if _vendor(alias) == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
            _pg_env(connection.settings_dict),
        )
        return "database.dump"
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # SQLite's online backup: consistent while the site runs
    finally:
        copy.close()
    return "database.sqlite3"


def database_is_empty(alias="default") -> bool:
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            return not connection.introspection.table_names(cursor)
    except OperationalError as error:
        raise BackupError(f"Cannot open the database (create it first): {error}") from error


def restore_database(source: Path, member: str, *, force=False, alias="default"):
    connection = connections[alias]
    vendor = _vendor(alias)
    expected = "database.dump" if vendor == "postgresql" else "database.sqlite3"
    if member != expected:
        raise BackupError(f"This archive holds {member}; the configured database is {vendor}.")
    if vendor == "sqlite" and connection.is_in_memory_db():
        raise BackupError("Restore into a database file, not an in-memory SQLite database.")
    connection.close()
    if vendor == "postgresql":
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        if force:
            command += ["--clean", "--if-exists"]
        _run(
            [*command, f"--dbname={connection.settings_dict['NAME']}", str(source)],
            _pg_env(connection.settings_dict),
        )
        return
    copy = sqlite3.connect(source)
    target = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        copy.backup(target)  # page by page: the target becomes the archived database, whatever it held
    finally:
        copy.close()
        target.close()


# Writing and reading archives ----------------------------------------------------------------------


def archive_name(now=None) -> str:
    return f"tambon-{timezone.localtime(now or timezone.now()):%Y%m%d-%H%M%S}.tar"


def create(output_dir: Path, *, now=None, alias="default") -> Path:
    """Write one archive into `output_dir` (created if needed); returns its path.

    It is written under a temporary name and renamed once complete, so a half-written archive never
    looks like a backup."""
    now = now or timezone.now()
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    final = output_dir / archive_name(now)
    partial = final.with_name(final.name + ".partial")
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "database": {},
        "stores": {},
    }
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".tambon-backup-") as work:
        dump = Path(work) / "database"
        member = dump_database(dump, alias)
        try:
            with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
                with dump.open("rb") as handle:
                    manifest["database"] = {
                        "vendor": connections[alias].vendor,
                        "member": member,
                        **_add(archive, member, handle, dump.stat().st_size),
                    }
                dump.unlink()
                for folder, storage in stores().items():
                    files = manifest["stores"][folder] = {}
                    for name in walk(storage):
                        with storage.open(name, "rb") as handle:
                            files[name] = _add(archive, f"{folder}/{name}", handle, storage.size(name))
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                _add(archive, MANIFEST, io.BytesIO(data), len(data))
            os.chmod(partial, 0o600)  # citizens' personal data: readable by the site's user only
            partial.rename(final)
        finally:
            partial.unlink(missing_ok=True)
    return final


def prune(output_dir: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest archives in `output_dir`; returns what was deleted."""
    archives = sorted(Path(output_dir).glob("tambon-*.tar"))
    old = archives[: max(len(archives) - keep, 0)]
    for path in old:
        path.unlink()
    return old


def read_manifest(archive) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("This is not a Tambon backup (no readable manifest).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def _members(manifest):
    """(archive member, expected size and checksum) of everything the manifest lists."""
    yield manifest["database"]["member"], manifest["database"]
    for folder, files in manifest["stores"].items():
        for name, expected in files.items():
            yield f"{folder}/{name}", expected


def verify(path: Path) -> dict:
    """Check every member against the manifest; returns the manifest."""
    with tarfile.open(path, "r:") as archive:
        manifest = read_manifest(archive)
        for member, expected in _members(manifest):
            try:
                handle = archive.extractfile(member)
            except KeyError:
                handle = None
            if handle is None:
                raise BackupError(f"{member} is missing from the archive.")
            digest, size = hashlib.sha256(), 0
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
            if (size, digest.hexdigest()) != (expected["size"], expected["sha256"]):
                raise BackupError(f"{member} is damaged (its checksum does not match the manifest).")
    return manifest


def non_empty_targets(alias="default") -> list[str]:
    """What a restore would overwrite: the database and the stores that hold anything."""
    found = [] if database_is_empty(alias) else ["database"]
    for folder, storage in stores().items():
        if next(iter(walk(storage)), None) is not None:
            found.append(f"{folder} files")
    return found


def _clear(storage):
    for name in list(walk(storage)):
        storage.delete(name)


def restore(path: Path, *, force=False, alias="default") -> dict:
    """Restore an archive into the configured database and stores; returns its manifest.

    Without `force` the database and every store must be empty; with it they are replaced."""
    manifest = verify(path)
    if not force:
        occupied = non_empty_targets(alias)
        if occupied:
            raise BackupError(
                "Not empty: " + ", ".join(occupied) + ". Restore into empty ones, or use --force."
            )
    targets = stores()
    unknown = set(manifest["stores"]) - set(targets)
    if unknown:
        raise BackupError(f"The archive has stores this site does not know: {', '.join(sorted(unknown))}.")
    with tarfile.open(path, "r:") as archive, tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database"
        with archive.extractfile(manifest["database"]["member"]) as source, dump.open("wb") as target:
            shutil.copyfileobj(source, target, CHUNK)
        restore_database(dump, manifest["database"]["member"], force=force, alias=alias)
        for folder, files in manifest["stores"].items():
            storage = targets[folder]
            if force:
                _clear(storage)
            for name, expected in files.items():
                with archive.extractfile(f"{folder}/{name}") as handle:
                    content = File(handle, name=name)
                    content.size = expected["size"]
                    saved = storage.save(name, content)
                if saved != name:
                    raise BackupError(f"{folder}/{name} was stored as {saved}: the store was not empty.")
    return manifest
