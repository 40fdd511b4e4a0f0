"""Rate limits on what visitors can make the site do, counted in the shared cache (django-ratelimit).

Each limit counts per client address (`security.client_address`, so behind the proxy too) and,
where what it protects is one request or one mailbox, also per reference or email. The per-address
limit is then set high enough that one shared address — a village behind one mobile network address,
the One Stop Service counter's connection — does not lock out honest neighbours, while the
per-reference limit still stops anyone trying one request's email or code over and over.

Staff signed in with their second factor are never limited per address: a counter officer sends one
request after another for walk-in citizens, from the office's one address, and is accountable by
name. The numbers and their reasons are in docs/security.md.

If the cache cannot be reached the counting goes on in each process's own memory
(`security.failsafe_cache.FailSafeRedisCache`), so the limits hold, per process, rather than open.
"""

from django_ratelimit.core import is_ratelimited

from security import conf
from security.client_address import address_key
from security.middleware import is_staff_user


def is_trusted_staff(request) -> bool:
    """A member of staff past the second factor (or where none is required)."""
    user = getattr(request, "user", None)
    if user is None or not is_staff_user(user):
        return False
    return not conf.staff_two_factor_required() or bool(getattr(user, "is_verified", lambda: False)())


def exceeded(request, group: str, *, per_address: str, value: str = "", per_value: str = "") -> bool:
    """Count one attempt and say whether it goes over a limit (then refuse it).

    `per_address` is a django-ratelimit rate ("20/h"); `value` (a reference, an email address) with
    `per_value` adds a limit for that value whoever asks. Both are counted, whichever is over.
    """
    over = False
    if per_address and not is_trusted_staff(request):
        over |= is_ratelimited(
            request, group=group, key=lambda _group, req: address_key(req), rate=per_address, increment=True
        )
    normalised = " ".join((value or "").split()).lower()
    if normalised and per_value:
        over |= is_ratelimited(
            request,
            group=f"{group}:value",
            key=lambda _group, _req: normalised,
            rate=per_value,
            increment=True,
        )
    return over
