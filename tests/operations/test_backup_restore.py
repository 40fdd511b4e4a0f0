"""Backup and restore, by a real round trip: pages, a request with a citizen's file, a counter payment
with its receipt and a published picture → `manage.py backup` → `manage.py restore` into an empty
database (a new PostgreSQL database, or a new SQLite file) and empty file stores, in a fresh process
configured as a new server would be → everything is there and the officer still downloads the file."""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.images import get_image_model

from casework.models import SubmissionFile
from operations import backup
from payments import counter
from payments.models import Receipt
from tests.casework.factories import make_submission
from tests.eforms.factories import PDF_BYTES, png_bytes

CHECK = """
import hashlib, json
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from casework.models import Submission, SubmissionFile
from payments.models import Payment, Receipt
from wagtail.images import get_image_model
from wagtail.models import Page

call_command("restore", "{archive}")
file = SubmissionFile.objects.get()
client = Client()
client.force_login(get_user_model().objects.get(username="officer"))
response = client.get(f"/eforms/files/{{file.pk}}/")
image = get_image_model().objects.get()
print(json.dumps({{
    "pages": sorted(Page.objects.filter(depth__gt=1).values_list("title", flat=True)),
    "submissions": list(Submission.objects.values_list("reference", flat=True)),
    "payments": list(Payment.objects.values_list("status", "amount_received")),
    "receipts": list(Receipt.objects.values_list("number", flat=True)),
    "download": [response.status_code, hashlib.sha256(b"".join(response.streaming_content)).hexdigest()],
    "image": hashlib.sha256(image.file.read()).hexdigest(),
}}))
"""


def sha(data):
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def office_data(transactional_db, handled_service, permit_officer, settings, tmp_path):
    """Committed data, as pg_dump (another process) sees it, and file stores of this office alone (other
    tests' files stay out of the backup)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    submission = make_submission(handled_service, reference="BS-69-000777")
    SubmissionFile.objects.create(
        submission=submission,
        field_key="id_card_copy",
        original_name="บัตรประชาชน.pdf",
        file_type="pdf",
        size=len(PDF_BYTES),
        file=ContentFile(PDF_BYTES, name="upload.pdf"),
    )
    payment = counter.record_counter_payment(
        submission, amount=4000, method="cash", note_text="", officer=permit_officer
    )
    image = get_image_model().objects.create(
        title="ตราสำนักงาน", file=ImageFile(ContentFile(png_bytes()), name="logo.png")
    )
    return {"submission": submission, "payment": payment, "image": image}


@pytest.fixture
def empty_database():
    """DATABASE_URL of a new, empty database of the kind the tests run on; dropped afterwards."""
    if connection.vendor == "sqlite":
        yield None  # the restore's process gets a new SQLite file
        return
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    params = connection.settings_dict
    yield f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_then_restore_into_an_empty_server(office_data, empty_database, tmp_path):
    call_command("backup", output_dir=str(tmp_path / "backups"))
    [archive] = (tmp_path / "backups").glob("tambon-*.tar")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    private = manifest["stores"]["private"]
    assert [entry["sha256"] for entry in private.values()] == [sha(PDF_BYTES)]
    assert any(name.startswith("original_images/") for name in manifest["stores"]["public"])

    # Not over a site that has data, and not from a damaged archive; nothing is touched.
    with pytest.raises(CommandError, match="Not empty: database, public files, private files"):
        call_command("restore", str(archive))
    assert SubmissionFile.objects.count() == 1
    call_command("restore", str(archive), verify_only=True)
    damaged = tmp_path / "damaged.tar"
    data = bytearray(archive.read_bytes())
    data[data.find(PDF_BYTES) + 5] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(damaged))

    new_server = tmp_path / "new-server"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": empty_database or f"sqlite:///{new_server / 'db.sqlite3'}",
        "MEDIA_ROOT": str(new_server / "media"),
        "PRIVATE_MEDIA_ROOT": str(new_server / "private"),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "testserver",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    env.pop("TEST_DATABASE_NAME", None)
    new_server.mkdir()
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CHECK.format(archive=archive)],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    restored = json.loads(done.stdout.strip().splitlines()[-1])
    assert "เทศบาลตำบลทดสอบ" in restored["pages"] and "คำขอทดสอบ" in restored["pages"]
    assert restored["submissions"] == ["BS-69-000777"]
    assert restored["payments"] == [["paid", 4000]]
    assert (
        restored["receipts"]
        == [office_data["payment"].receipt.number]
        == list(Receipt.objects.values_list("number", flat=True))
    )
    assert restored["download"] == [200, sha(PDF_BYTES)]
    assert restored["image"] == sha(png_bytes())
    assert list(Path(new_server / "private").rglob("*.pdf"))  # the file is back in the private store


def test_old_archives_are_pruned(tmp_path):
    for stamp in ("20261101-023000", "20261102-023000", "20261103-023000"):
        (tmp_path / f"tambon-{stamp}.tar").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("kept")
    deleted = backup.prune(tmp_path, keep=2)
    assert [p.name for p in deleted] == ["tambon-20261101-023000.tar"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.txt",
        "tambon-20261102-023000.tar",
        "tambon-20261103-023000.tar",
    ]
