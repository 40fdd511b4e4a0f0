"""What other apps add to a request's pages (the inbox's detail, the citizen's status page).

Payments registers one at start-up:

    from casework import extensions
    extensions.register_summary("payment", submission_payment)

A summary function takes a submission and returns None or a dict
{"label": str, "state": str, "url": str | None}; the pages show each one under its name.


Documents the citizen can download from the status page (besides the proof of filing) come the
same way: `register_download(name, function)`, a function of the submission returning None or a list
of {"label": str, "url": str}. What an approval email attaches: `register_email_attachments(name,
function)`, a function of (submission, event) returning a list of {"label": str, "spec": dict} (an
outbox attachment spec, see `outbox.attachments`). What the inbox's detail page shows about a request
for officers: `register_staff_panel(name, function)`, a function of (request, submission) returning
None or HTML (already escaped, e.g. from `render_to_string`).

What happens once a citizen's browser has sent a request (LINE binds it to the LINE user signed in on
that browser): `register_sent(name, function)`, a function of (request, submission), called after the
request is saved, by the views that make requests (e-forms, problem reports).

Where a message to a citizen who gave no email goes (LINE, to the LINE users bound to the request):
`register_without_email(name, function)`, a function of (submission, message) where `message` has
`subject`, `body`, `kind` and `language`; it returns how many messages it queued.
"""

_summaries = {}
_downloads = {}
_email_attachments = {}
_staff_panels = {}
_citizen_actions = {}
_sent = {}
_without_email = {}


def register_summary(name, function):
    _summaries[name] = function


def summaries(submission) -> dict:
    """{name: summary} of every registered function that has something to say."""
    result = {}
    for name, function in _summaries.items():
        value = function(submission)
        if value is not None:
            result[name] = value
    return result


def register_download(name, function):
    _downloads[name] = function


def downloads(submission) -> list[dict]:
    """[{"label", "url"}] of every registered function, in registration order."""
    return [item for function in _downloads.values() for item in (function(submission) or [])]


def register_email_attachments(name, function):
    _email_attachments[name] = function


def email_attachments(submission, event) -> list[dict]:
    """[{"label", "spec"}] the email about `event` carries."""
    return [item for function in _email_attachments.values() for item in (function(submission, event) or [])]


def register_staff_panel(name, function):
    _staff_panels[name] = function


def staff_panels(request, submission) -> list:
    """The HTML of every registered panel with something to show on the inbox's detail page."""
    return [html for function in _staff_panels.values() if (html := function(request, submission))]


def register_citizen_action(name, function):
    """What the citizen may do next from the status page (renew the licence this request got):
    a function of (submission) returning None or [{"label", "url", "hint"}]."""
    _citizen_actions[name] = function


def citizen_actions(submission) -> list[dict]:
    return [item for function in _citizen_actions.values() for item in (function(submission) or [])]


def register_sent(name, function):
    _sent[name] = function


def sent(request, submission):
    """Tell every registered function that this browser has just sent `submission` (saved already)."""
    for function in _sent.values():
        function(request, submission)


def register_without_email(name, function):
    _without_email[name] = function


def without_email(submission, message) -> int:
    """Hand a message to the citizen of `submission`, who gave no email, to every registered channel."""
    return sum(function(submission, message) or 0 for function in _without_email.values())
