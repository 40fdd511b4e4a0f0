import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from wagtail.models import Site

from home.demo import loader
from home.demo.signals import demo_loaded, demo_staff_wanted
from home.groups import ADMINISTRATORS
from home.models import OrganisationSettings

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "tambon-demo-2569"


class Command(BaseCommand):
    help = "Load the demo municipality (Thai with English translations). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-admin",
            action="store_true",
            help=f"Also create the administrator '{DEMO_ADMIN_USERNAME}' with a published password "
            "(development only).",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT") or loader.DEFAULT_PORT),
            help="The port the server runs on (default: $PORT, else 8000): the demo site's address "
            "and the admin URL printed use it.",
        )

    def handle(self, *args, **options):
        home = loader.load(stdout=self.stdout, port=options["port"])
        # The administrator first: the apps' demo content moves requests through the workflow
        # (approvals issuing licences, reports answered), which takes a member of staff.
        admin = self._demo_admin() if options["demo_admin"] else None
        demo_loaded.send(sender=self.__class__, home_page=home, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(self._addresses()))
        if admin is not None:
            port = options["port"]
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin: http://{loader.DEMO_HOST}:{port}/admin/  user: {DEMO_ADMIN_USERNAME}  password: {DEMO_ADMIN_PASSWORD}"
                )
            )
            demo_staff_wanted.send(
                sender=self.__class__, password=DEMO_ADMIN_PASSWORD, port=port, stdout=self.stdout
            )

    def _addresses(self):
        """Every demo office and its address, the first office first."""
        sites = Site.objects.filter(root_page__depth=2).order_by("root_page__path")
        offices = []
        for site in sites:
            organisation = OrganisationSettings.for_site(site)
            if organisation.is_demo:
                offices.append(f"{organisation.name_en or site.site_name}: {site.root_url}/")
        return "  ·  ".join(offices)

    def _demo_admin(self):
        if not settings.DEBUG:
            self.stderr.write("Refusing to create a demo administrator with a known password: DEBUG is off.")
            return None
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_ADMIN_USERNAME,
            defaults={
                "is_staff": True,
                "is_superuser": True,
                "email": "admin@example.com",
                "first_name": "ผู้ดูแลระบบ",
            },
        )
        if created:
            user.set_password(DEMO_ADMIN_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=ADMINISTRATORS))
        return user
