"""Who runs the checkout: Stripe when keys are configured, else the local demo checkout."""

from payments import conf
from payments.providers.base import CheckoutSession, Provider, ProviderError, RefundResult


def get_provider() -> Provider:
    if conf.demo_mode():
        from payments.providers.demo import DemoProvider

        return DemoProvider()
    from payments.providers.stripe import StripeProvider

    return StripeProvider()


__all__ = ["CheckoutSession", "Provider", "ProviderError", "RefundResult", "get_provider"]
