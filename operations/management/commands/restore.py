from pathlib import Path

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from operations import backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into the configured database and file stores. "
        "They must be empty (a new database: createdb, no migrate) unless --force, which replaces what "
        "is there. Every checksum is checked before anything changes; --verify-only stops there."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="replace a database and stores that are not empty"
        )
        parser.add_argument("--verify-only", action="store_true", help="check the archive's checksums only")

    def handle(self, *args, archive, force, verify_only, **options):
        if not archive.is_file():
            raise CommandError(f"No such file: {archive}")
        try:
            if verify_only:
                manifest = backup.verify(archive)
            else:
                manifest = backup.restore(archive, force=force)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(len(names) for names in manifest["stores"].values())
        if verify_only:
            self.stdout.write(
                f"restore: {archive} is complete ({files} files, made {manifest['created_at']})"
            )
            return
        cache.clear()  # pages and lists cached from what was there before
        self.stdout.write(
            f"restore: database and {files} files from {manifest['created_at']} restored. "
            "Run `manage.py migrate` if this code is newer than the backup."
        )
