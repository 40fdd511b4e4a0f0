"""Where a finished form goes. The wizard knows forms, not what happens to a request afterwards: the
app that keeps requests (casework) registers a receiver at start-up, so eforms never imports it.

A receiver has two methods:

    submit(page, request, *, answers, shown_steps, files, language, draft_id, prefix, send_token,
           origin) -> str
        make the request from the wizard's answers; return its reference (`prefix` names the
        wizard's session slot, for remembering what this browser sent). `send_token` is saved with
        the request, in its transaction: a second request with the same token must fail. `origin`:
        where a prefilled form came from (`eforms.origins`), or None.
    sent(page, request, prefix, send_token) -> str | None
        the reference of the request already made with this token, if any
    confirmation(page, request, prefix) -> HttpResponse
        the page shown after sending ("done/" under the e-service page; `?sent=<token>` finds it
        when the browser's session could not be saved)
"""

_receiver = None


def register(receiver):
    global _receiver
    _receiver = receiver


def receiver():
    if _receiver is None:
        raise LookupError("No app receives finished e-forms: install casework.")
    return _receiver
