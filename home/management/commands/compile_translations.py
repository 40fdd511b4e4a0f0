from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile the project's .po files (django and djangojs) to .mo with polib, so GNU gettext need "
        "not be installed."
    )

    def handle(self, *args, **options):
        roots = [Path(p) for p in settings.LOCALE_PATHS]
        roots += [p for p in Path(settings.BASE_DIR).glob("*/locale") if ".venv" not in p.parts]
        count = 0
        for root in roots:
            for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                # By content, not modification time: a checkout or merge can leave an older .po with a
                # newer time than the .mo, or the reverse, and a stale .mo shows English to citizens.
                compiled = polib.pofile(str(po_path)).to_binary()
                if mo_path.exists() and mo_path.read_bytes() == compiled:
                    continue
                mo_path.write_bytes(compiled)
                count += 1
        self.stdout.write(f"Compiled {count} translation file(s).")
