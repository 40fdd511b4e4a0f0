"""`manage.py check --deploy`: an office that offers an online provider it has no credentials for
(its administrator chose a card provider, but the provider's `…__<CODE>` variables are not set). Citizens of that
office are then offered nothing online; the operator should set the variables or the office choose
again. The demo checkout's warning is its provider's (`payments.W001`)."""

from django.core import checks
from django.db import DatabaseError

from offices.models import Office
from payments import providers
from payments.models import PaymentSettings

NO_CREDENTIALS = "payments.W002"


def offices_or_none():
    """Every office, or None when the database cannot be read (not migrated yet, no database)."""
    try:
        return list(Office.objects.select_related("site").order_by("code"))
    except (DatabaseError, RuntimeError):  # RuntimeError: a test that does not allow the database
        return None


@checks.register(checks.Tags.security, deploy=True)
def offices_without_credentials(app_configs=None, **kwargs):
    offices = offices_or_none()
    if not offices:
        return []
    try:
        chosen = {
            row.site_id: row.online_providers or []
            for row in PaymentSettings.objects.exclude(online_providers__isnull=True)
        }
    except (DatabaseError, RuntimeError):
        return []
    warnings = []
    for office in offices:
        for provider in providers.all_providers(office):
            if provider.id in chosen.get(office.site_id, []) and provider.missing_credentials():
                warnings.append(
                    checks.Warning(
                        f"The office {office.code} offers {provider.id} online, but "
                        f"{', '.join(provider.missing_credentials())} "
                        "is not set: its citizens cannot pay that way.",
                        hint=(
                            "Set the office's variables in the server's environment (docs/payments.md), "
                            "or choose again in that office's Settings › Payment settings."
                        ),
                        id=NO_CREDENTIALS,
                    )
                )
    return warnings
