import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "django.po"


def catalogues():
    base = Path(settings.BASE_DIR)
    return [CATALOGUE] + sorted(
        p for p in base.glob("*/locale/th/LC_MESSAGES/django.po") if ".venv" not in p.parts
    )


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_string_has_a_thai_translation(path):
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


def test_placeholders_survive_translation():
    for path in catalogues():
        for entry in polib.pofile(str(path)).translated_entries():
            for placeholder in ("%(query)s", "%(counter)s", "%(number)s", "%(total)s"):
                if placeholder in entry.msgid:
                    translated = entry.msgstr or entry.msgstr_plural.get(0, "")
                    assert placeholder in translated, (path, entry.msgid)


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
    found = {entry.msgid for entry in polib.pofile(str(work / "locale" / "th" / "LC_MESSAGES" / "django.po"))}
    assert sorted(found - known - {""}) == []
