from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from django_tasks.signals import task_finished  # noqa: PLC0415 — an app's ready()

        from operations import heartbeat  # noqa: PLC0415 — an app's ready()

        # Every task a worker finishes proves the worker alive (see operations/heartbeat.py).
        task_finished.connect(heartbeat.on_task_finished, dispatch_uid="operations.heartbeat")

        if settings.SENTRY_DSN:
            from operations import errors  # noqa: PLC0415 — only when error reporting is wanted

            errors.start(
                settings.SENTRY_DSN,
                environment=settings.SENTRY_ENVIRONMENT,
                release=settings.SENTRY_RELEASE,
                traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
            )
