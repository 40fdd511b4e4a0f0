"""Run daily: overdue notices to citizens and other apps' notices to staff (`overdue.register_notifier`;
queued, the worker sends them), and a sweep of emails that are long past their time (see
`outbox.services.send_due`)."""

import datetime

from django.core.management.base import BaseCommand

from casework import overdue
from outbox.services import send_due


class Command(BaseCommand):
    help = "Queue overdue notices (every 7 days per late request); hand overdue emails to the worker again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--emails-only", action="store_true", help="Only hand overdue emails to the worker again."
        )

    def handle(self, *args, emails_only=False, **options):
        notices = 0 if emails_only else overdue.send_overdue_notices()
        staff = 0 if emails_only else overdue.notify_staff()
        sent = send_due(overdue=datetime.timedelta(minutes=10))
        self.stdout.write(
            f"overdue notices: {notices}; notices to staff: {staff}; emails handed to the worker again: {sent}"
        )
