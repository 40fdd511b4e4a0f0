"""Erasing personal data (PDPA), for the retention command and the data-subject request tool.

A request is anonymised, not deleted: every app keeps what reports and accounts need (reference,
service, dates, states, amounts, receipt numbers) and drops what names the person. Each app does its
own part through its declaration's `anonymise_case`; this module runs them in one transaction.
"""

from django.db import transaction
from django.utils import timezone

from privacy import registry

#: Keys of JSON details (timeline data, payment providers' payloads) that hold someone's personal data.
PERSONAL_KEYS = frozenset(
    {
        "address",
        "applicant_email",
        "applicant_name",
        "billing_details",
        "customer_details",
        "customer_email",
        "customer_name",
        "email",
        "name",
        "national_id",
        "payer",
        "phone",
        "receipt_email",
        "shipping",
        "shipping_details",
        "to",
    }
)


def scrub(data):
    """`data` without the values of personal keys, at any depth."""
    if isinstance(data, dict):
        return {key: (None if key in PERSONAL_KEYS else scrub(value)) for key, value in data.items()}
    if isinstance(data, list):
        return [scrub(item) for item in data]
    return data


def refusals(case) -> list[str]:
    """Why the request's (id `case`) personal data may not be erased now (empty when it may)."""
    reasons = [registry.call(d, "refusal", case, default="") for d in registry.declarations()]
    return [reason for reason in reasons if reason]


def anonymise_case(case, *, now=None) -> dict:
    """Erase the personal data every app holds about one finished request (its id, `case`); safe to
    call twice.

    A declaration answers with a count, or with a dict of counts that may hold an "_after" callable
    to run once this transaction has ended (deleting stored files: a rollback must not lose a file the
    database still names). Returns the counts by name. The caller checks `refusals()` first where a
    person asked (retention only picks finished requests) and writes the audit entry.
    """
    now = now or timezone.now()
    done, afters = {}, []
    with transaction.atomic():
        for declaration in registry.declarations():
            result = registry.call(declaration, "anonymise_case", case, now, default=None)
            if isinstance(result, dict):
                result = dict(result)
                if "_after" in result:
                    afters.append(result.pop("_after"))
                done.update(result)
            elif result is not None:
                done[declaration.name] = result
    for after in afters:
        after()
    return done


def purge_unattached(now=None) -> int:
    """Records tied to no request, past their retention, from every app that keeps such records."""
    now = now or timezone.now()
    return sum(
        registry.call(declaration, "purge_unattached", now, default=0)
        for declaration in registry.declarations()
    )


def expired_cases(now=None):
    """Requests past their retention, from the app that keeps requests."""
    now = now or timezone.now()
    for declaration in registry.declarations():
        yield from registry.call(declaration, "expired_cases", now, default=[])
