from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site content")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401
        from .groups import grant_all_permissions_to_administrators

        post_migrate.connect(grant_all_permissions_to_administrators, dispatch_uid="tambon-admin-perms")
