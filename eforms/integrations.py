"""What other apps add to a submission's pages, looked up without importing them at start-up.

Payments: if `payments.services.submission_payment(submission)` exists it should return None or a
dict {"label": str, "state": str, "url": str | None}; the inbox and the status page show it.
"""

import importlib


def payment_summary(submission):
    try:
        module = importlib.import_module("payments.services")
    except ImportError:
        return None
    function = getattr(module, "submission_payment", None)
    return function(submission) if function else None
