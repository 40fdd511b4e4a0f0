from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from line import account as accounts
from line import richmenu
from offices.models import Office


class Command(BaseCommand):
    help = (
        "Publish the rich menu of an office's LINE Official Account (services, report a problem, my "
        "requests, contact, emergency numbers, the website), in Thai for everyone and in English for "
        "users whose LINE is in English. Run again after the office's address or pages change; the old "
        "menus are deleted once the new ones are in place."
    )

    def add_arguments(self, parser):
        parser.add_argument("office", help="The office's code, e.g. huainamsai")
        parser.add_argument(
            "--preview",
            metavar="FOLDER",
            help="Only draw the menu images (rich-menu-th.png, rich-menu-en.png) into FOLDER; LINE is not called.",
        )
        parser.add_argument("--remove", action="store_true", help="Delete the office's menus on LINE.")

    def handle(self, *args, office, preview=None, remove=False, **options):
        found = Office.objects.select_related("site").filter(code=office.strip().lower()).first()
        if found is None:
            raise CommandError(f"No office has the code {office!r} (see the offices in the admin).")
        if preview:
            folder = Path(preview)
            if not folder.is_dir():
                raise CommandError(f"{folder} is not a folder.")
            for language in richmenu.LANGUAGES:
                path = folder / f"rich-menu-{language}.png"
                path.write_bytes(richmenu.image_for(found, language))
                self.stdout.write(f"Drew {path}")
            return
        account = accounts.for_office(found)
        if account is None:
            raise CommandError(
                f"The office {found.code} has no LINE Official Account set up: fill in its LINE settings and "
                "its channel secret and access token first (docs/line.md)."
            )
        try:
            if remove:
                count = richmenu.remove(account)
                self.stdout.write(f"Deleted {count} rich menu(s) of {found.code}.")
                return
            created = richmenu.publish(account)
        except richmenu.RichMenuError as error:
            raise CommandError(f"The rich menu was not published: {error}") from error
        self.stdout.write(
            f"Published the rich menu of {found.code}: Thai {created['th']} (everyone's default), "
            f"English {created['en']}."
        )
