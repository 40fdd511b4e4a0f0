from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Issued documents")

    def ready(self):
        # Wired here: casework approves and shows requests without knowing this app exists.
        from casework import extensions, workflow  # noqa: PLC0415 — apps must be loaded first
        from documents import demo, integration, renewals, services  # noqa: PLC0415
        from eforms import origins  # noqa: PLC0415
        from home.demo.signals import demo_loaded  # noqa: PLC0415
        from outbox import attachments  # noqa: PLC0415
        from payments import fees  # noqa: PLC0415

        workflow.register_hook(workflow.Action.APPROVE, services.issue_on_approval)
        extensions.register_download("documents", integration.downloads)
        extensions.register_email_attachments("documents", integration.email_attachments)
        extensions.register_staff_panel("documents", integration.staff_panel)
        attachments.register(integration.ATTACHMENT, integration.attachment)
        extensions.register_citizen_action("documents", integration.citizen_actions)
        origins.register(renewals.KIND, renewals.ORIGIN)
        fees.register_adjustment("documents.late_renewal", renewals.surcharge)
        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="documents-demo")
