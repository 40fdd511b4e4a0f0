from django.core.cache import cache
from django.core.management.base import BaseCommand

from payments import checkout

LOCK = "payments:sync_payments:running"


class Command(BaseCommand):
    help = (
        "Ask each pending payment's provider about it, apply what it says as the webhook would, expire "
        "payments abandoned for longer than their provider allows, retry deferred events. Safe every few "
        "minutes from cron."
    )

    def handle(self, *args, **options):
        # A second run while one is still going would only repeat its work (every change is guarded); skip it.
        if not cache.add(LOCK, 1, 15 * 60):
            self.stdout.write("sync_payments: another run is in progress")
            return
        try:
            counts = checkout.sync_pending()
        finally:
            cache.delete(LOCK)
        self.stdout.write("sync_payments: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
