"""An office's LINE channel secret and access token, from the server's environment — never from the
database (the same rule as payment keys, `payments.credentials`): `LINE_CHANNEL_SECRET__<CODE>` and
`LINE_CHANNEL_ACCESS_TOKEN__<CODE>` (office code in upper case, dashes as underscores). The default
office falls back to `LINE_CHANNEL_SECRET` / `LINE_CHANNEL_ACCESS_TOKEN`; another office never does.
"""

import os

from django.conf import settings

SECRET = "LINE_CHANNEL_SECRET"
ACCESS_TOKEN = "LINE_CHANNEL_ACCESS_TOKEN"


def setting(name, default=""):
    """A Django setting, else the environment variable of the same name."""
    return getattr(settings, name, os.environ.get(name, default))


def variable(name: str, office) -> str:
    return f"{name}__{office.code.upper().replace('-', '_')}"


def credential(name: str, office) -> str:
    if office is None:
        return ""
    value = setting(variable(name, office), "") or ""
    if not value and office.site.is_default_site:
        value = setting(name, "") or ""
    return str(value)


def api_base() -> str:
    """The Messaging API's address: LINE's own, or the fake LINE platform in tests."""
    return setting("LINE_API_BASE", "") or "https://api.line.me"


def data_api_base() -> str:
    """The Messaging API's data host (rich menu images): LINE's own, or the fake LINE platform in tests.
    Not `LINE_API_BASE`: LINE serves uploads from another host."""
    return setting("LINE_API_DATA_BASE", "") or "https://api-data.line.me"


def timeout() -> float:
    return float(setting("LINE_TIMEOUT", 10))
