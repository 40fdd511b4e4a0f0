from django.core.management.base import BaseCommand

from eforms.services import delete_expired


class Command(BaseCommand):
    help = "Delete saved drafts past their 30 days and wizard uploads of expired sessions (run daily)."

    def handle(self, *args, **options):
        result = delete_expired()
        self.stdout.write(
            f"Deleted {result['drafts']} expired draft(s) and {result['temporary_files']} temporary upload(s)."
        )
