"""Where a finished form goes. The wizard knows forms, not what happens to a request afterwards: the
app that keeps requests (casework) registers a receiver at start-up, so eforms never imports it.

A receiver has two methods:

    submit(page, request, *, answers, shown_steps, files, language, draft_id, prefix) -> str
        make the request from the wizard's answers; return its reference (`prefix` names the
        wizard's session slot, for remembering what this browser sent)
    confirmation(page, request, prefix) -> HttpResponse
        the page shown after sending ("done/" under the e-service page)
"""

_receiver = None


def register(receiver):
    global _receiver
    _receiver = receiver


def receiver():
    if _receiver is None:
        raise LookupError("No app receives finished e-forms: install casework.")
    return _receiver
