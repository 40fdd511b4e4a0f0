"""System checks for the security settings an operator sets by hand."""

import ipaddress

from django.conf import settings
from django.core import checks

BAD_PROXY = "security.E101"


@checks.register(checks.Tags.security)
def trusted_proxies_are_addresses(app_configs=None, **kwargs):
    """A typo in TAMBON_TRUSTED_PROXIES would otherwise fail every request."""
    errors = []
    for entry in getattr(settings, "TAMBON_TRUSTED_PROXIES", ()):
        try:
            ipaddress.ip_network(str(entry).strip(), strict=False)
        except ValueError:
            errors.append(
                checks.Error(
                    f"TAMBON_TRUSTED_PROXIES holds {entry!r}, which is not an address or a network.",
                    hint="Write addresses or networks, comma separated, e.g. 127.0.0.1,::1,10.0.0.0/8.",
                    id=BAD_PROXY,
                )
            )
    return errors
