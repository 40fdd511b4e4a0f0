from django.core.management.base import BaseCommand

from documents.reminders import send_expiry_reminders


class Command(BaseCommand):
    help = (
        "Remind holders of documents that expire in 60 and in 15 days (run daily; each reminder goes once)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"expiry reminders queued: {send_expiry_reminders()}")
