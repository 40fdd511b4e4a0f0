"""`manage.py check --deploy` warns while the demo checkout can be offered: a production site must
not take "payments" that take no money unless that is what its operator means."""

from django.core import checks

from payments.checks import offices_or_none
from payments.providers.stripe import conf

DEMO_ON = "payments.W001"


@checks.register(checks.Tags.security, deploy=True)
def demo_payments_in_production(app_configs=None, **kwargs):
    if not conf.demo_allowed():
        return []
    offices = offices_or_none()
    demo = [office.code for office in offices or [] if conf.demo_available(office)]
    if offices is not None and not demo:
        return []  # every office has its own Stripe keys: the demo cannot be offered anywhere
    return [
        checks.Warning(
            "Demo payments are on (PAYMENTS_DEMO=true and no STRIPE_SECRET_KEY"
            + (f" for the offices {', '.join(demo)}" if demo else "")
            + "): citizens can mark their own fees paid without paying, and every page and receipt says "
            "this is a demo.",
            hint="On a real site unset PAYMENTS_DEMO, and set the Stripe keys to take card payments.",
            id=DEMO_ON,
        )
    ]
