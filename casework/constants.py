"""Choices of requests and their handling, with translated labels, and the sets of states code asks about."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionStatus(models.TextChoices):
    """Where a submission is. Changed only by `casework.workflow.transition()` (see its table)."""

    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    WAITING = "waiting", _("Waiting for the citizen")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


#: States in which nothing more will happen to a submission.
FINAL_STATUSES: frozenset[str] = frozenset(
    {SubmissionStatus.REJECTED, SubmissionStatus.COMPLETED, SubmissionStatus.WITHDRAWN}
)

#: States in which the office owes a decision and the deadline clock runs.
CLOCK_RUNNING_STATUSES: frozenset[str] = frozenset({SubmissionStatus.SUBMITTED, SubmissionStatus.IN_REVIEW})

#: States in which the office has not finished with the request (the inbox's "open" items).
OPEN_STATUSES: frozenset[str] = frozenset(
    {
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.IN_REVIEW,
        SubmissionStatus.WAITING,
        SubmissionStatus.APPROVED,
    }
)


class Channel(models.TextChoices):
    """How the request reached the office."""

    ONLINE = "online", _("Online")
    COUNTER = "counter", _("At the counter")


class SurveySource(models.TextChoices):
    """Where a satisfaction answer was given."""

    ONLINE = "online", _("Online (status page or email link)")
    COUNTER = "counter", _("On the counter's tablet")


class EventKind(models.TextChoices):
    """What a timeline entry records (`casework.timeline.record`)."""

    CREATED = "created", _("Request received")
    STATUS = "status", _("Status changed")
    ASSIGNED = "assigned", _("Assigned")
    COMMENT = "comment", _("Internal comment")
    MESSAGE_TO_CITIZEN = "message_out", _("Message to the citizen")
    MESSAGE_FROM_CITIZEN = "message_in", _("Message from the citizen")
    FILE_VIEWED = "file_viewed", _("File opened")
    OVERRIDE = "override", _("Administrator override")
    EMAIL_SENT = "email_sent", _("Email sent")
    EMAIL_FAILED = "email_failed", _("Email failed")
    OVERDUE_NOTICE = "overdue", _("Overdue notice")
    RATING = "rating", _("Satisfaction rating")
    PAYMENT = "payment", _("Payment")
    DOCUMENT = "document", _("Issued document")


#: Where the office's holidays are cached between requests (cleared when one is saved or deleted).
HOLIDAYS_CACHE_KEY = "eforms:holidays:v1"
