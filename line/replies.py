"""What the office's account answers to a typed message: a link token binds, "stop" unbinds, a
reference number gets its state — only for a LINE user bound to that request; anything else gets the
same short help, so nobody learns whether a reference exists or whose it is.

Each answer is a class with `matches(text)` and `answer(office, user_id, text)` registered in order; the
first that matches answers. A `Reply` is written in the request's language, or in Thai and English
when no request says which.
"""

import dataclasses
import re

from django.utils import translation
from django.utils.translation import gettext as _

from casework.models import Submission
from casework.references import parse_reference
from line import bindings, staff
from line.models import Binding

_answers = []


@dataclasses.dataclass
class Reply:
    text: str
    title: str = ""
    submission: object = None  # a request bound to this user: the reply carries its status button
    language: str = "th"
    bound: bool = False  # the message has just bound `submission` to this user


def register(cls):
    _answers.append(cls())
    return cls


def answer(office, user_id: str, text: str) -> Reply | None:
    text = (text or "").strip()
    for candidate in _answers:
        if candidate.matches(text):
            return candidate.answer(office, user_id, text)
    return None


def both(message) -> str:
    """A message in Thai, then English: for a LINE user whose language no request tells."""
    parts = []
    for language in ("th", "en"):
        with translation.override(language):
            parts.append(str(message()))
    return "\n\n".join(dict.fromkeys(parts))


@register
class LinkToken:
    # Not `\b` after it: a token may end with "-", and "-" before the end of the text is no word boundary.
    pattern = re.compile(re.escape(bindings.TOKEN_MARK) + r"([A-Za-z0-9_-]{16})(?![A-Za-z0-9_-])")

    def matches(self, text):
        return bool(self.pattern.search(text))

    def answer(self, office, user_id, text):
        submission = bindings.redeem(office, self.pattern.search(text)[1], user_id)
        if submission is None:
            return Reply(
                both(
                    lambda: _(
                        "This link has already been used or has expired. Open your request's status page "
                        "and choose “Get updates on LINE” again."
                    )
                )
            )
        with translation.override(submission.language or "th"):
            return Reply(
                _(
                    "Done: this LINE account will receive every update about request %(reference)s. "
                    "To stop, type “stop” or use the status page."
                )
                % {"reference": submission.reference},
                title=_("Request %(reference)s") % {"reference": submission.reference},
                submission=submission,
                language=submission.language or "th",
                bound=True,
            )


@register
class StaffLinkToken:
    """An officer's "link my LINE" message (from their account page): their notices come here."""

    pattern = re.compile(re.escape(staff.TOKEN_MARK) + r"([A-Za-z0-9_-]{16})(?![A-Za-z0-9_-])")

    def matches(self, text):
        return bool(self.pattern.search(text))

    def answer(self, office, user_id, text):
        officer = staff.redeem(office, self.pattern.search(text)[1], user_id)
        if officer is None:
            return Reply(
                both(
                    lambda: _(
                        "This link has already been used, has expired, or is not for a member of this "
                        "office's staff. Open your account page in the admin and make a new one."
                    )
                )
            )
        with translation.override(staff.language_of(officer)):
            return Reply(
                _(
                    "Done: this LINE account will receive the notices you chose about %(office)s's requests. "
                    "Change them or unlink on your account page in the admin."
                )
                % {"office": office.organisation.name},
                language=staff.language_of(officer),
            )


STOP_WORDS = {"stop", "unlink", "หยุด", "ยกเลิก", "เลิก", "หยุดแจ้งเตือน"}


@register
class Stop:
    def matches(self, text):
        return text.lower() in STOP_WORDS

    def answer(self, office, user_id, text):
        stopped = bindings.unbind_user(office, user_id, by="line:message")
        if not stopped:
            return Reply(both(lambda: _("This LINE account receives no updates about requests from us.")))
        references = ", ".join(s.reference for s in stopped)
        return Reply(
            both(
                lambda: (
                    _("LINE updates stopped for: %(references)s. We keep sending them by email.")
                    % {"references": references}
                )
            )
        )


@register
class Reference:
    def matches(self, text):
        return parse_reference(text) is not None

    def answer(self, office, user_id, text):
        submission = Submission.objects.by_reference(text, office=office)
        bound = (
            submission is not None
            and Binding.objects.active().filter(submission=submission, line_user_id=user_id).exists()
        )
        if not bound:
            return Reply(both(lambda: NOT_BOUND()))
        with translation.override(submission.language or "th"):
            return Reply(
                _("Request %(reference)s (%(service)s) is now: %(state)s.")
                % {
                    "reference": submission.reference,
                    "service": submission.service_title,
                    "state": submission.get_status_display(),
                },
                title=_("Request %(reference)s") % {"reference": submission.reference},
                submission=submission,
                language=submission.language or "th",
            )


def NOT_BOUND():  # noqa: N802 — a message, like a constant
    return _(
        "We can only answer here about requests linked to this LINE account. To link one, open its "
        "status page and choose “Get updates on LINE”."
    )


@register
class Help:
    def matches(self, text):
        return True

    def answer(self, office, user_id, text):
        return Reply(
            both(
                lambda: _(
                    "Type a reference number linked to this LINE account to see its state, or “stop” "
                    "to stop updates. For everything else, please use our website or call the office."
                )
            )
        )
