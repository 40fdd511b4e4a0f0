import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations import backup


class Command(BaseCommand):
    help = (
        "Write one archive of the database and both file stores (public media and citizens' uploads), "
        "with a manifest of checksums, into --output-dir (or $BACKUP_DIR). Run daily; copy the archives "
        "off the server. They hold personal data: keep them encrypted and readable only by the site's user."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=os.environ.get("BACKUP_DIR", "backups"))
        parser.add_argument(
            "--keep",
            type=int,
            default=int(os.environ.get("BACKUP_KEEP", "0")),
            help="then delete all but this many newest archives in that folder (0, the default: keep all)",
        )

    def handle(self, *args, output_dir, keep, **options):
        try:
            path = backup.create(Path(output_dir))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"backup: {path} ({path.stat().st_size} bytes)")
        if keep > 0:
            for old in backup.prune(Path(output_dir), keep):
                self.stdout.write(f"backup: deleted {old}")
