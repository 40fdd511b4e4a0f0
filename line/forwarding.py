"""Every message the outbox writes to a citizen about a request also goes to the LINE users bound to
that request: state changes, officers' messages, payment requests, receipts (the PDF stays in the email;
LINE gets the button to the status page, where it can be downloaded). Written in the same transaction
as the email, in the same language; sent, retried and listed by the outbox like any message.

A message holding a secret (a one-time code) never goes to LINE; nor does one to an officer.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from casework.models import Submission
from line import account as accounts
from line.constants import CHANNEL_ID
from line.models import Binding
from outbox import services as outbox
from outbox.models import Message


@receiver(post_save, sender=Message, dispatch_uid="line.forward")
def forward_to_line(sender, instance, created, raw=False, **kwargs):
    if (
        raw
        or not created
        or instance.channel == CHANNEL_ID
        or instance.sensitive
        or not instance.submission_id
    ):
        return
    submission = Submission.objects.select_related("office__site").filter(pk=instance.submission_id).first()
    if submission is None or (instance.to or "").lower() != (submission.applicant_email or "").lower():
        return
    user_ids = _bound_users(submission)
    if user_ids:
        copy(instance, submission, user_ids)


def _bound_users(submission) -> list:
    """The LINE users bound to `submission`, if its office is on LINE (else none)."""
    if accounts.for_office(submission.office) is None:
        return []
    return list(Binding.objects.active().filter(submission=submission).values_list("line_user_id", flat=True))


def copy(message, submission, user_ids):
    """Queue the LINE copy of `message` (to the citizen about `submission`) for each LINE user."""
    for user_id in user_ids:
        outbox.queue(
            to=user_id,
            channel=CHANNEL_ID,
            subject=message.subject,
            body=message.body,
            kind=f"line:{message.kind}"[:30],
            language=message.language,
            reference=submission.reference,
            submission_id=submission.pk,
            sender=submission.office.code,
        )


def catch_up(submission, user_id):
    """A request bound as it was sent: the messages already written to its citizen (the
    acknowledgement) get their LINE copy too."""
    if not submission.applicant_email:
        return
    already = Message.objects.filter(
        submission_id=submission.pk, sensitive=False, to__iexact=submission.applicant_email
    ).exclude(channel=CHANNEL_ID)
    for message in already.order_by("pk"):
        copy(message, submission, [user_id])


def without_email(submission, message) -> int:
    """A message to a citizen who gave no email (a problem report sent without contact details, then
    followed on LINE): LINE is the only way it goes."""
    user_ids = _bound_users(submission)
    copy(message, submission, user_ids)
    return len(user_ids)
