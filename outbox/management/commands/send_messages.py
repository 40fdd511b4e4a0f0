from django.core.management.base import BaseCommand

from outbox.services import send_due


class Command(BaseCommand):
    help = "Send the messages waiting in the outbox whose time has come (run every few minutes)."

    def handle(self, *args, **options):
        self.stdout.write(f"messages tried: {send_due()}")
