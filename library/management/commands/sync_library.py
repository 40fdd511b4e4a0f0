from django.core.management.base import BaseCommand

from library.sync import sync_library


class Command(BaseCommand):
    help = (
        "Load the shared service library's model services into the database. A model service gets a new "
        "version only when its definition changed; safe to run again."
    )

    def handle(self, *args, **options):
        result = sync_library()
        self.stdout.write(
            self.style.SUCCESS(
                f"Service library: {len(result.created)} new, {len(result.updated)} with a new version, "
                f"{len(result.unchanged)} unchanged."
            )
        )
        for code in result.updated:
            self.stdout.write(f"  new version: {code}")
