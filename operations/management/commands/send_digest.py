from django.core.management.base import BaseCommand

from operations import digest


class Command(BaseCommand):
    help = (
        "Email the administrators what needs a person (failed messages, payments to review or stuck, "
        "overdue requests, a silent worker, storage faults); nothing when all is well. Run daily."
    )

    def handle(self, *args, **options):
        sent = digest.send()
        self.stdout.write(f"send_digest: {sent} email(s)" if sent else "send_digest: nothing to report")
