"""Error reports to Sentry (or a service speaking its protocol, such as a self-hosted GlitchTip), only
when `SENTRY_DSN` is set: `operations/apps.py` imports this module then and not otherwise.

Citizens' personal data stays here (PDPA): no cookies, headers, query strings, request bodies, user
or client address, no local variables in tracebacks; and every text that is sent (messages,
exception values, breadcrumbs) has email addresses, 13-digit ID numbers, phone numbers and IP
addresses masked.
"""

import re

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

_MASKS = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # A Thai ID with or without dashes (1-2345-67890-12-3), or any 13 digits in a row.
    (re.compile(r"(?<!\d)\d(?:[- ]?\d){12}(?!\d)"), "[id]"),
    (re.compile(r"(?<![\d\w])(?:\+66|0)\d{1,2}[- ]?\d{3}[- ]?\d{3,4}(?!\d)"), "[phone]"),
    # Client addresses (a security warning names the address a forwarded header came from).
    (re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"), "[address]"),
    # IPv6: a "::" or at least five groups, so that times (12:30:45) stay.
    (
        re.compile(
            r"(?<![\w:])(?=[0-9A-Fa-f:]*::|(?:[0-9A-Fa-f]{1,4}:){4})(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])"
        ),
        "[address]",
    ),
]
#: Of the request, only these are sent.
_REQUEST_KEEP = {"method", "url"}


def start(dsn, *, environment="production", release=None, traces_sample_rate=0.0):
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        traces_sample_rate=traces_sample_rate,
    )


def mask(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def _mask_all(value):
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {key: _mask_all(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_mask_all(item) for item in value]
    return value


def scrub_event(event, hint=None):
    request = event.get("request")
    if isinstance(request, dict):
        kept = {key: request[key] for key in _REQUEST_KEEP if key in request}
        if "url" in kept:
            kept["url"] = str(kept["url"]).split("?", 1)[0]
        event["request"] = kept
    event.pop("user", None)
    for key in ("extra", "contexts"):
        if isinstance(event.get(key), dict):
            event[key].pop("request", None)
    return _mask_all(event)


def scrub_breadcrumb(crumb, hint=None):
    return _mask_all(crumb)
