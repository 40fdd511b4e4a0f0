from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("Payments")

    def ready(self):
        # Wired at start-up: the providers, the demo's fees, the prices the form pages show, what a request's pages show about its
        # payment, and the receipt that rides with its email.
        from casework import extensions  # noqa: PLC0415 — apps must be loaded first
        from eforms import pricing  # noqa: PLC0415
        from home.demo.signals import demo_loaded  # noqa: PLC0415
        from outbox import attachments  # noqa: PLC0415
        from payments import checks, demo, fees, notices, providers, services  # noqa: PLC0415, F401 — checks registers itself

        providers.autodiscover()
        demo_loaded.connect(demo.on_demo_loaded, dispatch_uid="payments-demo")
        extensions.register_summary("payment", services.submission_payment)
        pricing.register(fees.Pricer())
        attachments.register(notices.RECEIPT_ATTACHMENT, notices.receipt_attachment)
