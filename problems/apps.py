from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "problems"
    verbose_name = _("Problem reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # casework knows nothing of this app: its access rule and its request pages take our hooks.
        from casework import access, extensions  # noqa: PLC0415
        from home.demo.signals import demo_loaded  # noqa: PLC0415
        from problems import demo, hooks, signals, workflow  # noqa: F401, PLC0415 — models must be loaded first

        access.register_scope(hooks.DivisionScope())
        workflow.register_casework_hooks()
        extensions.register_summary("problem", hooks.summary)
        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="problems-demo")
