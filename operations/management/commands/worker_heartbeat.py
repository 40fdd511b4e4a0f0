from django.core.management.base import BaseCommand

from operations.heartbeat import heartbeat_task


class Command(BaseCommand):
    help = (
        "Queue the heartbeat task: when a worker runs it, /healthz knows a worker is alive even when "
        "there is nothing else to do (every 5 minutes: deploy/systemd/tambon-heartbeat.timer)."
    )

    def handle(self, *args, **options):
        heartbeat_task.enqueue()
        self.stdout.write("worker_heartbeat: queued")
