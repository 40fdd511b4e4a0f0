"""Every message goes through the outbox: no code of ours talks to a mail server but the outbox's email
channel (so no page waits for one, and every message is retried and listed when it fails)."""

import re
from pathlib import Path

from django.conf import settings

DIRECT_SENDING = re.compile(
    r"\b(send_mail|send_mass_mail|mail_admins|mail_managers|get_connection|EmailMessage|EmailMultiAlternatives"
    r"|smtplib)\b"
)
ALLOWED = {Path("outbox/channels.py")}
SKIPPED = {"tests", "node_modules", "staticfiles", "media", "private_media"}


def test_only_the_outbox_sends_email():
    base = Path(settings.BASE_DIR)
    offenders = []
    folders = [
        p for p in base.iterdir() if p.is_dir() and p.name not in SKIPPED and not p.name.startswith(".")
    ]
    for path in sorted(p for folder in folders for p in folder.rglob("*.py")):
        relative = path.relative_to(base)
        if relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if DIRECT_SENDING.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []
    assert DIRECT_SENDING.search((base / "outbox/channels.py").read_text())  # the pattern finds a sender
