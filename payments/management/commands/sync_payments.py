from django.core.management.base import BaseCommand

from home.locks import single_run
from payments import checkout, refunds

LOCK = "payments-sync"


class Command(BaseCommand):
    help = (
        "Ask each pending payment's provider about it, apply what it says as the webhook would, expire "
        "payments abandoned for longer than their provider allows, retry deferred events and refunds "
        "a provider did not answer. Safe every few minutes from cron."
    )

    def handle(self, *args, **options):
        # A second run while one is still going would only repeat its work (every change is guarded); skip it.
        with single_run(LOCK) as mine:
            if not mine:
                self.stdout.write("sync_payments: another run is in progress")
                return
            counts = checkout.sync_pending()
            counts["refunds_retried"] = refunds.retry_unanswered()
        self.stdout.write("sync_payments: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
