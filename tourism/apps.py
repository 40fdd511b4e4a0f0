from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TourismConfig(AppConfig):
    name = "tourism"
    verbose_name = _("Tourism")

    def ready(self):
        from home.demo.signals import demo_loaded  # noqa: PLC0415 — apps must be loaded first
        from tourism import demo  # noqa: PLC0415

        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="tourism-demo")
