"""Choices shared by the e-forms models, forms and the apps built on them (inbox, payments)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionStatus(models.TextChoices):
    """Where a submission is. Changed only by `eforms.workflow.transition()` (see its table)."""

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


class EventKind(models.TextChoices):
    """What a timeline entry records (`eforms.timeline.record`)."""

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


class NotificationState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class ServiceCategory(models.TextChoices):
    LICENCES = "licences", _("Licences and permits")
    REGISTRATIONS = "registrations", _("Registrations")
    REQUESTS = "requests", _("Requests for service")
    PAYMENTS = "payments", _("Payments")
    WELFARE = "welfare", _("Welfare")
    COMPLAINTS = "complaints", _("Complaints")


class PersonalDataBasis(models.TextChoices):
    """Why the office may use the personal data a service collects (Personal Data Protection Act).

    Most licences and requests rest on the office's legal duties, not on consent; ask for consent
    only when it really is the basis.
    """

    PUBLIC_TASK = "public_task", _("Public task: the office's legal powers and duties (PDPA section 24(4))")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation: a law requires it (PDPA section 24(6))")
    CONTRACT = "contract", _("Contract with the person (PDPA section 24(3))")
    VITAL_INTEREST = "vital_interest", _("Protecting someone's life or health (PDPA section 24(2))")
    CONSENT = "consent", _("The person's consent (PDPA section 19)")


class AllowedFileType(models.TextChoices):
    """File types a citizen may upload, recognised by their content, not their name."""

    PDF = "pdf", "PDF"
    JPEG = "jpg", "JPEG"
    PNG = "png", "PNG"


#: MIME type that `filetype` reports for each allowed type.
FILE_TYPE_MIME = {
    AllowedFileType.PDF: "application/pdf",
    AllowedFileType.JPEG: "image/jpeg",
    AllowedFileType.PNG: "image/png",
}
