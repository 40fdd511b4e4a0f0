from django.core.cache import cache
from django.core.management.base import BaseCommand

from payments import services

LOCK = "payments:sync_payments:running"


class Command(BaseCommand):
    help = (
        "Ask Stripe about every payment still pending, apply what it says as the webhook would, expire "
        "checkouts abandoned for more than a day, retry deferred webhook events. Safe every few minutes from cron."
    )

    def handle(self, *args, **options):
        # A second run while one is still going would only repeat its work (every change is guarded); skip it.
        if not cache.add(LOCK, 1, 15 * 60):
            self.stdout.write("sync_payments: another run is in progress")
            return
        try:
            counts = services.sync_pending()
        finally:
            cache.delete(LOCK)
        self.stdout.write("sync_payments: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
