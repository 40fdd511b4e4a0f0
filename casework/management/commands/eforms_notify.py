"""Run daily (or every few minutes): overdue notices to citizens, and emails waiting to be retried."""

from django.core.management.base import BaseCommand

from casework import overdue
from outbox.services import send_due


class Command(BaseCommand):
    help = "Send overdue notices (every 7 days per late request) and retry emails that failed."

    def add_arguments(self, parser):
        parser.add_argument("--emails-only", action="store_true", help="Only retry pending emails.")

    def handle(self, *args, emails_only=False, **options):
        notices = 0 if emails_only else overdue.send_overdue_notices()
        sent = send_due()
        self.stdout.write(f"overdue notices: {notices}; emails tried: {sent}")
