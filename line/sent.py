"""A request sent from a browser signed in with LINE is bound to that LINE user at once: it is in their
"my requests" and its updates come to their LINE, without a link to send (casework's `sent` hook,
called by the e-forms and problem-report views once the request is saved)."""

from django.db import transaction

from line import account as accounts
from line import bindings, forwarding, login, richmenu


def bind_signed_in(request, submission):
    office = submission.office
    user_id = login.signed_in_user(getattr(request, "session", {}), office)
    account = accounts.for_office(office)
    if not user_id or account is None:
        return None
    binding = bindings.bind(submission, user_id, by="citizen:line-login")
    forwarding.catch_up(submission, user_id)
    if (submission.language or "").startswith("en"):
        transaction.on_commit(lambda: richmenu.link_language(account, user_id, "en"))
    return binding
