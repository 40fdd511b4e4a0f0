from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = _("Offices")

    def ready(self):
        from . import signals  # noqa: F401, PLC0415 — connects the receivers once models are ready
