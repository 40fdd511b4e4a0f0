from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "problems"
    verbose_name = _("Problem reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # casework knows nothing of this app: its access rule and its request pages take our hooks.
        from django.db.models.signals import post_save  # noqa: PLC0415

        from casework import access, extensions  # noqa: PLC0415
        from casework import overdue as casework_overdue  # noqa: PLC0415
        from casework.models import SubmissionEvent  # noqa: PLC0415
        from home.demo.signals import demo_loaded  # noqa: PLC0415
        from problems import demo, hooks, overdue, signals, workflow  # noqa: F401, PLC0415 — models must be loaded first

        access.register_scope(hooks.DivisionScope())
        workflow.register_casework_hooks()
        extensions.register_summary("problem", hooks.summary)
        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="problems-demo")
        # Late first answers and fixes: the first answer read from the timeline, the division told daily.
        post_save.connect(
            overdue.record_first_response, sender=SubmissionEvent, dispatch_uid="problems-first-response"
        )
        casework_overdue.register_notifier(overdue.notify_divisions)
