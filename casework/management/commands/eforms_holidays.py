"""Add a year's Thai public holidays to the office holidays (administrators then adjust the list)."""

from django.core.management.base import BaseCommand

from casework.deadlines import thai_public_holidays
from casework.models import Holiday


class Command(BaseCommand):
    help = "Add the Thai public holidays of the given years (Gregorian, e.g. 2028) to the office holidays."

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="+", type=int)

    def handle(self, *args, years, **options):
        added = 0
        for day, name in sorted(thai_public_holidays(years).items()):
            _holiday, created = Holiday.objects.get_or_create(date=day, defaults={"name": name[:150]})
            added += created
        self.stdout.write(f"added {added} holidays")
