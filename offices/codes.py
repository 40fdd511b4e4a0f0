"""Office codes: short Latin names, unique, used in staff group names and on the command line."""

import re

from django.utils.text import slugify

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,39}$")


def is_valid(code: str) -> bool:
    return bool(CODE_PATTERN.match(code or ""))


def code_for_site(hostname: str, site_id: int, taken) -> str:
    """A code for a site that has none yet: its host's first name ("doingam" for www.doingam.go.th),
    else "office-<id>" (an address such as 127.0.0.1 names nothing); `taken` holds codes in use."""
    labels = [label for label in (hostname or "").lower().split(".") if label and label != "www"]
    candidate = slugify(labels[0])[:40] if labels else ""
    if is_valid(candidate) and candidate not in taken:
        return candidate
    code, n = f"office-{site_id}", 1
    while code in taken:
        n += 1
        code = f"office-{site_id}-{n}"
    return code
