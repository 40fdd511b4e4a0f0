from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class EformsConfig(AppConfig):
    name = "eforms"
    verbose_name = _("E-services")

    def ready(self):
        from eforms import demo  # noqa: PLC0415
        from home.demo.signals import demo_loaded  # noqa: PLC0415 — apps must be loaded first

        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="eforms-demo")

        # Field types of other apps register from their `field_types` module (docs/adding-a-field-type.md).
        autodiscover_modules("field_types")
