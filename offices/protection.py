"""Why an office cannot be deleted: the data it must keep (citizens' requests, payments, records).

Apps that keep such data register a check: a function of the office returning the reason in the
staff's language, or "" when it holds none. Deleting the office, its site or its home page is then
refused with the first reason (`offices.signals`, the on_delete of `Office.site`, and
`offices.middleware.ProtectedDeletionMiddleware` which shows it in the admin).
"""

from wagtail.models import Page

from home.site_pages import in_trees, root_paths

_checks = []


def register(check):
    """Add `check(office) -> str`; usable as a decorator."""
    _checks.append(check)
    return check


def refusal_reason(office) -> str:
    for check in _checks:
        reason = check(office)
        if reason:
            return str(reason)
    return ""


def office_pages(office):
    """Every page of the office: its home page's tree in each language (the English one is beside it)."""
    return Page.objects.filter(in_trees(root_paths(office.site)))
