"""Messages about a request, through the outbox: the acknowledgement, state changes, the officer's
messages, overdue notices, and notices to the officer when the citizen replies.

Each is written in the recipient's language when the change happens and queued after the commit
(`outbox.services.queue`); the outbox sends, retries and lists failures.
"""

from types import SimpleNamespace

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from casework import extensions, filing, timeline
from casework.constants import EventKind, SubmissionStatus
from casework.models import SatisfactionRating, Submission
from home.site import absolute_url, admin_url, message_context, page_url
from outbox import services as outbox

#: Signs the rating links in "completed" emails (kept from before the split, so old links still work).
RATING_SALT = "eforms.rating"
#: The emails of these decisions carry the survey's link (`casework.satisfaction`), unless answered.
SURVEY_AFTER = frozenset({SubmissionStatus.APPROVED, SubmissionStatus.REJECTED, SubmissionStatus.COMPLETED})


def page_of(submission):
    """The page whose site a request's links and sender are on: its service, or for a request made
    without a service page (a problem report) its office's home page."""
    if submission.service_id:
        return submission.service
    office = submission.office
    return office.site.root_page if office is not None else None


def status_url(submission, language=None) -> str:
    with translation.override(language or submission.language or settings.LANGUAGE_CODE):
        return absolute_url(reverse("status:detail", args=[submission.reference]), page=page_of(submission))


def rating_token(submission) -> str:
    return signing.dumps({"s": submission.pk, "r": submission.reference}, salt=RATING_SALT)


def rating_url(submission) -> str:
    with translation.override(submission.language or settings.LANGUAGE_CODE):
        return absolute_url(reverse("status:rate", args=[rating_token(submission)]), page=page_of(submission))


def queue(submission, kind, template, *, to=None, language=None, urgent=False, attachments=(), **context):
    """Write `casework/email/<template>.txt` (and `_subject.txt`) and put it in the outbox; another app's
    message names its own template ("documents/email/expiry").
    `attachments`: outbox attachment specs (files made when the email goes, `outbox.attachments`)."""
    citizen = to is None
    to = to or submission.applicant_email
    if not to and not citizen:
        return None
    language = language or submission.language or settings.LANGUAGE_CODE
    with translation.override(language):
        ctx = {
            "submission": submission,
            "status_url": status_url(submission),
            **message_context(page=page_of(submission)),
            **context,
        }
        path = template if "/" in template else f"casework/email/{template}"
        subject = render_to_string(f"{path}_subject.txt", ctx)
        body = render_to_string(f"{path}.txt", ctx)
    if not to:  # no email: the citizen's other channels (LINE), if the request is bound to one
        extensions.without_email(
            submission, SimpleNamespace(subject=subject, body=body, kind=kind, language=language)
        )
        return None
    return outbox.queue(
        to=to,
        subject=subject,
        body=body,
        kind=kind,
        language=language,
        reference=submission.reference,
        submission_id=submission.pk,
        urgent=urgent,
        sender=ctx["sender"],
        attachments=attachments,
    )


def acknowledgement(submission):
    """Sent while the citizen still looks at the confirmation page, which says whether it went."""
    page = submission.service.localized if submission.service else None
    return queue(
        submission,
        "acknowledgement",
        "acknowledgement",
        page=page,
        page_url=page_url(page),
        payment=payment_summary(submission),
        urgent=True,
        attachments=[filing.attachment_spec(submission)],
    )


def status_email(submission, event):
    """The email for a timeline entry that concerns the citizen (a state change or a message)."""
    if event.kind == EventKind.MESSAGE_TO_CITIZEN:
        return queue(submission, "message", "message", event=event)
    template = {
        SubmissionStatus.WAITING: "information_requested",
        SubmissionStatus.COMPLETED: "completed",
    }.get(event.to_status, "status_changed")
    extra = {"event": event}
    if event.to_status == SubmissionStatus.APPROVED:
        extra["payment_due"] = payment_due(submission)
    if (
        event.to_status in SURVEY_AFTER
        and not SatisfactionRating.objects.filter(submission=submission).exists()
    ):
        extra["rating_url"] = rating_url(submission)  # the survey, once the office has decided
    with translation.override(submission.language or settings.LANGUAGE_CODE):
        files = extensions.email_attachments(submission, event)
    extra["attached"] = [str(item["label"]) for item in files]
    return queue(
        submission,
        f"status:{event.to_status}",
        template,
        attachments=[item["spec"] for item in files],
        **extra,
    )


def payment_summary(submission):
    """The fee as the payments app summarises it for the citizen ({"label", "state", "url", "amount"}),
    or None."""
    with translation.override(submission.language or settings.LANGUAGE_CODE):
        return extensions.summaries(submission).get("payment")


def payment_due(submission):
    """The fee the citizen can pay now, if any (a fee due after approval is asked for with the decision)."""
    payment = payment_summary(submission)
    if payment and payment.get("url") and payment.get("state") == "pending":
        return payment
    return None


def officer_reply_email(submission):
    """Tell the assigned officer that the citizen replied (in the officer's admin language)."""
    officer = submission.assignee
    if officer is None or not officer.email:
        return None
    language = getattr(getattr(officer, "wagtail_userprofile", None), "preferred_language", "") or "th"
    with translation.override(language):
        url = admin_url(reverse("inbox:detail", args=[submission.pk]), page=page_of(submission))
    return queue(submission, "officer:reply", "officer_reply", to=officer.email, language=language, url=url)


def overdue_email(submission):
    return queue(submission, "overdue", "overdue")


def record_failed_message(sender, message, **kwargs):
    """outbox's `message_failed`: the request's timeline shows that a message did not reach the citizen,
    and by which channel (email, LINE)."""
    submission = (
        Submission.objects.filter(pk=message.submission_id).first() if message.submission_id else None
    )
    if submission is None:
        return
    timeline.record(
        submission,
        EventKind.EMAIL_FAILED,
        actor_name="system",
        message=message.subject,
        data={"message": message.pk, "channel": message.channel, "error": message.last_error[:200]},
    )
