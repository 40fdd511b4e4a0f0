"""`manage.py refresh_statistics`: store every office's public statistics of this fiscal year and the
previous one (nightly, `deploy/systemd/tambon-statistics.timer`). See `performance.snapshots`."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from offices.models import Office
from performance import snapshots


class Command(BaseCommand):
    help = "Precompute every office's public service statistics (this fiscal year and the previous one)."

    def add_arguments(self, parser):
        parser.add_argument("--office", help="only the office with this code")

    def handle(self, *args, office=None, **options):
        offices = Office.objects.select_related("site__root_page").order_by("code")
        if office:
            offices = offices.filter(code=office)
        years = snapshots.years_to_refresh(timezone.localdate())
        for each in offices:
            began = time.perf_counter()
            for year in years:
                snapshots.refresh(each, year)
            self.stdout.write(
                f"{each.code}: {', '.join(str(y.number) for y in years)} in {time.perf_counter() - began:.1f} s"
            )
