from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site content")

    def ready(self):
        # Imported once the app registry is ready: both use models.
        from . import signals  # noqa: F401, PLC0415 — connects the menus' cache receivers
        from .groups import grant_all_permissions_to_administrators  # noqa: PLC0415

        post_migrate.connect(grant_all_permissions_to_administrators, dispatch_uid="tambon-admin-perms")
