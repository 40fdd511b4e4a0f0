"""The citizen's charter: the office's service standards on one public page (`/th/charter/`), printable
on A4 for the notice board, generated from the e-service pages (never typed twice)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CharterConfig(AppConfig):
    name = "charter"
    verbose_name = _("Citizen's charter")

    def ready(self):
        from charter import demo  # noqa: PLC0415
        from home.demo.signals import demo_loaded  # noqa: PLC0415 — apps must be loaded first

        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="charter-demo")
