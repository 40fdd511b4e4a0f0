import datetime

from django.core.management.base import BaseCommand

from outbox.services import send_due


class Command(BaseCommand):
    help = (
        "Hand the worker again every message whose time has passed by OVERDUE minutes and that no worker "
        "is sending: a safety net for a task lost with a worker killed mid-send (run every 10 minutes)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--overdue", type=int, default=10, help="minutes past its time (default 10)")

    def handle(self, *args, overdue=10, **options):
        count = send_due(overdue=datetime.timedelta(minutes=overdue))
        self.stdout.write(f"messages handed to the worker again: {count}")
