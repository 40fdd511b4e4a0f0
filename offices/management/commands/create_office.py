import time

from django.core.management.base import BaseCommand, CommandError

from offices.services import OfficeError, create_office


class Command(BaseCommand):
    help = (
        "Create an office: its site on DOMAIN, Thai home page and service catalogue with English "
        "translations, organisation settings and staff groups. Nothing is created if any step fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True, help="The site's host name, e.g. doingam.go.th")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--code", required=True, help="Short Latin name, e.g. doingam")
        parser.add_argument("--name-th", required=True, help="The office's name in Thai")
        parser.add_argument("--name-en", default="", help="The office's name in English")
        parser.add_argument(
            "--services",
            default="",
            help="Model services of the shared library to put in the catalogue: codes separated by commas "
            "(e.g. food-shop,garbage-fee) or 'all'. See manage.py sync_library.",
        )

    def handle(self, *args, **options):
        services = [code.strip() for code in options["services"].split(",") if code.strip()]
        started = time.perf_counter()
        try:
            office = create_office(
                hostname=options["domain"],
                port=options["port"],
                code=options["code"],
                name_th=options["name_th"],
                name_en=options["name_en"],
                services=services,
            )
        except OfficeError as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Office {office.code} ready in {seconds:.1f} s: {office.site.root_url}/th/ "
                f"(staff groups: {office.code}: …)"
                + (f"; services: {', '.join(services)}" if services else "")
            )
        )
