import datetime
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from casework.models import Submission

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "django.po"
JAVASCRIPT_CATALOGUE = CATALOGUE.with_name("djangojs.po")


def catalogues():
    base = Path(settings.BASE_DIR)
    return [CATALOGUE, JAVASCRIPT_CATALOGUE] + sorted(
        p for p in base.glob("*/locale/th/LC_MESSAGES/*.po") if ".venv" not in p.parts
    )


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_string_has_a_thai_translation(path):
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    obsolete = [entry.msgid for entry in po.obsolete_entries()]
    assert untranslated == [] and fuzzy == [] and obsolete == []


def names(text):
    return {a or b for a, b in re.findall(r"%\((\w+)\)[sdi]|\{(\w+)\}", text)}


def positional(text):
    return sorted(re.findall(r"(?<!%)%[sdi]|\{\}", text))


def test_placeholders_survive_translation():
    """A translation may leave out a named placeholder (Thai needs no "%(model_name)s" after a number)
    but never invents one, which would crash the page, and keeps every %s and {}, filled in by position."""
    wrong = []
    for path in catalogues():
        for entry in polib.pofile(str(path)).translated_entries():
            source = entry.msgid_plural or entry.msgid
            for translated in [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values():
                invented = names(translated) - names(entry.msgid) - names(source)
                if invented or positional(translated) != positional(source):
                    wrong.append((path.name, entry.msgid))
            for placeholder in ("%(query)s", "%(counter)s", "%(number)s", "%(total)s", "%(reference)s"):
                if placeholder in entry.msgid and placeholder not in (
                    entry.msgstr or entry.msgstr_plural.get(0, "")
                ):
                    wrong.append((path.name, entry.msgid))
    assert wrong == []


def test_compile_translations_replaces_a_stale_catalogue(tmp_path, settings):
    """A stale .mo shows English to citizens whatever the .po says: compiling goes by content, not by
    file times (which a checkout or merge can leave either way)."""
    folder = tmp_path / "locale" / "th" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for po_path in (CATALOGUE, JAVASCRIPT_CATALOGUE):
        shutil.copy(po_path, folder / po_path.name)
        (folder / po_path.name).with_suffix(".mo").write_bytes(b"stale, and newer than the .po")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("compile_translations", stdout=io.StringIO())
    for po_path in folder.glob("*.po"):
        assert po_path.with_suffix(".mo").read_bytes() == polib.pofile(str(po_path)).to_binary()


def test_thai_pages_show_the_one_time_code_messages_in_thai(client, db):
    """Citizens met these in English on the status and payment paths (issue 16)."""
    Submission.objects.create(
        reference="BS-69-000321",
        service_title="ค่าธรรมเนียมเก็บขยะ",
        language="en",  # made on the English site, checked from the Thai one
        applicant_email="somchai@example.com",
        processing_days=3,
        expected_completion=datetime.date(2026, 11, 26),
    )
    url = "/th/verify/BS-69-000321/?next=/th/status/"
    page = client.post(url, {"action": "send", "next": "/th/status/"}, follow=True).content.decode()
    assert "หากคำขอนี้มีอีเมล เราได้ส่งรหัส 6 หลักไปที่อีเมลนั้นแล้ว" in page and "6-digit" not in page
    page = client.post(url, {"action": "check", "code": "000000", "next": "/th/status/"}).content.decode()
    assert "รหัสไม่ถูกต้อง" in page and "not right" not in page


def third_party_msgids():
    """The msgids of Django's and every installed app's own catalogues."""
    paths = [Path(django.__file__).parent / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po"]
    paths += [
        Path(app.path) / "locale" / "en" / "LC_MESSAGES" / "django.po" for app in apps.get_app_configs()
    ]
    return {
        (entry.msgctxt, entry.msgid)
        for path in paths
        if path.exists() and settings.BASE_DIR not in path.parents
        for entry in polib.pofile(str(path))
    }


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_the_catalogue_has_every_string_of_our_code_and_templates(tmp_path):
    """`make messages` would find nothing new: no string was added without being translated."""
    base = Path(settings.BASE_DIR)
    work = tmp_path / "project"
    shutil.copytree(
        base,
        work,
        ignore=shutil.ignore_patterns(
            ".venv", "media", "private_media", "staticfiles", "test-artifacts", "*.mo", "db.sqlite3", ".git"
        ),
    )
    subprocess.run(
        [
            sys.executable,  # the virtualenv running the tests, wherever the checkout is
            "manage.py",
            "makemessages",
            "-l",
            "th",
            "--no-obsolete",
            "--ignore=tests",
            "--ignore=staticfiles",
        ],
        cwd=work,
        check=True,
        capture_output=True,
    )
    known = set()
    for path in catalogues():
        known |= {entry.msgid for entry in polib.pofile(str(path))}
    made = polib.pofile(str(work / "locale" / "th" / "LC_MESSAGES" / "django.po"))
    found = {entry.msgid for entry in made}
    assert sorted(found - known - {""}) == []
    # Our Thai for Wagtail's and Django's own strings survives `make messages` (home/borrowed_strings.py).
    ours = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(CATALOGUE))}
    dropped = ours - {(entry.msgctxt, entry.msgid) for entry in made}
    assert sorted(dropped & third_party_msgids(), key=str) == []
