from django.apps import AppConfig


class LineConfig(AppConfig):
    name = "line"
    label = "line"
    verbose_name = "LINE"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The LINE channel joins the outbox's registry; citizens' emails get their LINE copy.
        from line import channel, forwarding  # noqa: F401, PLC0415
