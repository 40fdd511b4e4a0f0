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


def test_only_the_outbox_sends_email():
    base = Path(settings.BASE_DIR)
    offenders = []
    for path in sorted(base.glob("*/**/*.py")):
        relative = path.relative_to(base)
        if relative.parts[0] in {".venv", "tests", "node_modules"} or relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if DIRECT_SENDING.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []
    assert DIRECT_SENDING.search((base / "outbox/channels.py").read_text())  # the pattern finds a sender
