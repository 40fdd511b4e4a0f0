from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        # Register the system checks and connect the login signal receivers.
        from . import checks, middleware, throttle  # noqa: F401, PLC0415
