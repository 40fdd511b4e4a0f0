from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Requests")

    def ready(self):
        # Wired here, not imported by the other side: eforms hands finished forms over, and the outbox
        # reports failed messages, without either knowing this app exists.
        from casework import filing, handoff, notices, protection  # noqa: F401, PLC0415 — models must be loaded first
        from eforms import handoff as eforms_handoff  # noqa: PLC0415
        from outbox import attachments  # noqa: PLC0415
        from outbox.signals import message_failed  # noqa: PLC0415

        eforms_handoff.register(handoff.Receiver())
        message_failed.connect(notices.record_failed_message, dispatch_uid="casework-message-failed")
        attachments.register(filing.ATTACHMENT, filing.attachment)
