"""Security headers on every response: Content-Security-Policy, Permissions-Policy and friends.

Public pages allow no inline script at all. Wagtail's admin (and wagtail-localize's editor) still
print a few small inline scripts; on admin pages only those whose text matches a known pattern get
this response's nonce, so any other inline script, injected or not, is refused by the browser.
"""

import json
import re
import secrets

from django.conf import settings

ADMIN_PREFIX = "/admin/"

# The inline scripts Wagtail 8 and wagtail-localize print. Each must match one of these forms in
# full, and its arguments must parse as JSON literals, so nothing else can ride along.
_WIDGET_CALL = re.compile(
    r"\s*(?:new [\w.]*Chooser|init(?:Date|Time|DateTime)Chooser)\((\"(?:[^\"\\]|\\.)*\"), (\{.*\})\);\s*",
    re.S,
)
_PANEL = re.compile(
    r"\s*\(function\(\)\s*\{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)"
    r"\(JSON\.parse\((\"(?:[^\"\\]|\\.)*\")\)\);\s*\}\)\(\);\s*",
    re.S,
)
_CHOOSER_URLS = re.compile(
    r"\s*if \(typeof window\.chooserUrls === \"undefined\"\) \{\s*window\.chooserUrls = \{"
    r"(?:\s*\w+: \"[^\"<>\\]*\",)+\s*\}\s*\}\s*",
    re.S,
)
# wagtail-localize's Translate page: its "select all" checkbox ticks every locale (template
# wagtail_localize/admin/submit_translation.html). Known by its whole text, spacing aside.
_LOCALIZE_SELECT_ALL = " ".join(
    """
    document.addEventListener('DOMContentLoaded', function() {
        var selectAll = document.querySelector('[name="select_all"]');
        var locales = document.querySelectorAll('[name="locales"]');

        selectAll.addEventListener('change', function() {
            for (var i = 0; i < locales.length; i++) {
                locales[i].checked = selectAll.checked;
            }
        });
    });
    """.split()
)
INLINE_SCRIPT = re.compile(r'<script(?: type="text/javascript")?>(.*?)</script>', re.S)


def is_known_admin_script(text: str) -> bool:
    if " ".join(text.split()) == _LOCALIZE_SELECT_ALL:
        return True
    if match := _WIDGET_CALL.fullmatch(text):
        arguments = match.groups()
    elif match := _PANEL.fullmatch(text):
        arguments = match.groups()
    else:
        return bool(_CHOOSER_URLS.fullmatch(text))
    try:
        for argument in arguments:
            json.loads(argument)
    except ValueError:
        return False
    return True


def _directives(policy: dict) -> str:
    return "; ".join(f"{name} {' '.join(values)}".strip() for name, values in policy.items())


def content_security_policy(nonce: str | None, admin: bool) -> str:
    extra_img = getattr(settings, "TAMBON_CSP_EXTRA_IMG_SRC", [])
    extra_form = getattr(settings, "TAMBON_CSP_EXTRA_FORM_ACTION", [])
    policy = {
        "default-src": ["'self'"],
        "script-src": ["'self'"] + ([f"'nonce-{nonce}'"] if nonce else []),
        # Wagtail's admin sets style attributes from its scripts; styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"] if admin else ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *extra_img],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"] if admin else ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", *extra_form],
        "frame-ancestors": ["'self'"] if admin else ["'none'"],
    }
    return _directives(policy)


PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(self), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith(ADMIN_PREFIX)
        nonce = None
        content_type = response.get("Content-Type", "")
        if admin and content_type.startswith("text/html") and not getattr(response, "streaming", False):
            nonce = secrets.token_urlsafe(16)
            response.content = INLINE_SCRIPT.sub(
                lambda m: (
                    f'<script nonce="{nonce}">{m.group(1)}</script>'
                    if is_known_admin_script(m.group(1))
                    else m.group(0)
                ),
                response.content.decode(response.charset or "utf-8"),
            ).encode(response.charset or "utf-8")
        if admin:
            response["X-Frame-Options"] = "SAMEORIGIN"  # Wagtail's live preview
        response.setdefault("Content-Security-Policy", content_security_policy(nonce, admin))
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
