"""Demo content for payments: the garbage fee charged per period chosen (1, 6 or 12 months).

Called by `load_demo` after the e-services. Idempotent.
"""

from eforms.models import EServicePage
from offices.lookup import office_for_page
from payments import checkout
from payments.constants import FeeKind
from payments.models import FeeOption, ServiceFee

GARBAGE_FEE_BY_PERIOD = {1: 4000, 2: 24000, 3: 45000}  # satang: 40, 240 and 450 baht (a year costs less)


def load(home_page, stdout=None):
    service = EServicePage.objects.filter(slug="garbage-fee", locale=home_page.locale).first()
    if service is None:
        return
    fee, created = ServiceFee.objects.get_or_create(
        service=service, defaults={"kind": FeeKind.PER_OPTION, "option_field_key": "period"}
    )
    for choice, amount in GARBAGE_FEE_BY_PERIOD.items():
        FeeOption.objects.get_or_create(
            fee=fee, choice=choice, defaults={"amount": amount, "sort_order": choice}
        )
    if stdout and created:
        offered = checkout.offered_providers(office_for_page(service))
        names = ", ".join(str(provider.name) for provider in offered) or "counter only"
        stdout.write(f"Payments: garbage fee per period; online: {names}")


def on_demo_loaded(sender, home_page, stdout=None, **kwargs):
    """`home.demo.signals.demo_loaded`: add this app's demo content to the demo site."""
    load(home_page, stdout=stdout)
