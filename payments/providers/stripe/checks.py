"""`manage.py check --deploy` warns while the demo checkout can be offered: a production site must
not take "payments" that take no money unless that is what its operator means."""

from django.core import checks

from payments.providers.stripe import conf

DEMO_ON = "payments.W001"


@checks.register(checks.Tags.security, deploy=True)
def demo_payments_in_production(app_configs=None, **kwargs):
    if not conf.demo_available():
        return []
    return [
        checks.Warning(
            "Demo payments are on (PAYMENTS_DEMO=true and no STRIPE_SECRET_KEY): citizens can mark their "
            "own fees paid without paying, and every page and receipt says this is a demo.",
            hint="On a real site unset PAYMENTS_DEMO, and set the Stripe keys to take card payments.",
            id=DEMO_ON,
        )
    ]
