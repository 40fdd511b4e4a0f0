from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from offices.models import Office
from offices.services import OfficeError, give_office_groups


class Command(BaseCommand):
    help = (
        "Give an office made before offices had staff groups (the first office of an upgraded "
        "installation) its own groups, as create_office makes them; then move its staff into them."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="The office's code (manage.py check --deploy names it)")

    def handle(self, *args, code, **options):
        office = Office.objects.filter(code=code).select_related("site").first()
        if office is None:
            raise CommandError(_("No office has the code %(code)s.") % {"code": code})
        try:
            groups = give_office_groups(office)
        except OfficeError as error:
            raise CommandError(str(error)) from error
        names = ", ".join(group.name for group in groups.values())
        self.stdout.write(self.style.SUCCESS(f"Groups of {office.code}: {names}"))
