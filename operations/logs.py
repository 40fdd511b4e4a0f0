"""Log lines that say which request they belong to, as text or as JSON (`LOG_FORMAT=json`).

`RequestIdMiddleware` puts the request's id in `request_id`, a context variable, for as long as the
request runs; `RequestIdFilter` copies it onto every log record (`-` outside a request), so one
grep for the id from the `X-Request-ID` response header (or nginx's access log) finds every line of
that request, from any logger.
"""

import contextvars
import datetime
import json
import logging

request_id = contextvars.ContextVar("request_id", default="-")

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"

# Attributes every LogRecord has; anything else on a record came from `extra=` and is kept.
# `request` (Django passes it) is left out: its text holds the query string, which may hold personal data.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "request_id",
    "request",
}


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        current = request_id.get()
        if current == "-":
            # Django logs a 4xx/5xx answer after the middleware chain has returned; it passes the request.
            current = getattr(getattr(record, "request", None), "request_id", "-")
        record.request_id = current
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id, the
    exception's traceback if any, and whatever was passed in `extra=`."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
