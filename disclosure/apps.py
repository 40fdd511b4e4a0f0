"""Open data for the ITA/OIT assessment: the office's yearly disclosure checklist, its public index
(`/th/oit/`), the admin report of what is missing or stale, and the yearly procurement summary
(`/th/procurement/`) made from the procurement notices' fields."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("Disclosure (ITA/OIT)")

    def ready(self):
        from disclosure import demo  # noqa: PLC0415
        from home.demo.signals import demo_loaded  # noqa: PLC0415 — apps must be loaded first

        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="disclosure-demo")
