from django.apps import AppConfig


class LineConfig(AppConfig):
    name = "line"
    label = "line"
    verbose_name = "LINE"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The LINE channel joins the outbox's registry; citizens' emails get their LINE copy; officers'
        # notices follow the requests' timelines; a request sent signed in with LINE is bound to it.
        from casework import extensions  # noqa: PLC0415
        from line import channel, forwarding, sent, staff  # noqa: F401, PLC0415

        extensions.register_sent("line", sent.bind_signed_in)
        extensions.register_without_email("line", forwarding.without_email)
