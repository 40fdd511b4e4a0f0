"""What other apps add to a request's pages (the inbox's detail, the citizen's status page).

Payments registers one at start-up:

    from casework import extensions
    extensions.register_summary("payment", submission_payment)

A summary function takes a submission and returns None or a dict
{"label": str, "state": str, "url": str | None}; the pages show each one under its name.
"""

_summaries = {}


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
