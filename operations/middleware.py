"""The first two middleware of every request (config/settings/base.py)."""

import re
import uuid

from operations import health, logs

#: What an `X-Request-ID` from the proxy may look like (nginx's `$request_id` is 32 hex digits, a UUID
#: has dashes); anything else is replaced, so a client cannot write into our logs through it.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")

HEALTHZ_PATHS = {"/healthz", "/healthz/"}


class RequestIdMiddleware:
    """Takes the proxy's `X-Request-ID` (or makes one), keeps it on `request.request_id`, in every log
    line of the request (`operations.logs`) and on the response, where the visitor or nginx's log
    has it to quote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.request_id = given if SANE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = logs.request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            logs.request_id.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class HealthCheckMiddleware:
    """Answers `/healthz` before the rest of the chain (see `operations.health`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in HEALTHZ_PATHS:
            return health.response(request)
        return self.get_response(request)
