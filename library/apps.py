from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Service library")

    def ready(self):
        from home.demo.signals import demo_loaded  # noqa: PLC0415 — apps must be loaded first
        from library import demo, services  # noqa: PLC0415
        from offices.services import register_service_source  # noqa: PLC0415

        # `create_office --services` adopts from the library through this hook (offices sits below).
        register_service_source(
            resolve=services.resolve_codes, adopt=services.adopt_all, choices=services.choices
        )
        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="library-demo")
