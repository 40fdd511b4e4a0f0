"""Satisfaction ratings: asked once, after a request is completed (email link or status page)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from casework import timeline
from casework.constants import EventKind, SubmissionStatus
from casework.models import SatisfactionRating, Submission
from casework.workflow import WorkflowError


class AlreadyRated(WorkflowError):
    code = "already_rated"


def can_rate(submission) -> bool:
    return (
        submission.status == SubmissionStatus.COMPLETED
        and not SatisfactionRating.objects.filter(submission=submission).exists()
    )


def rate(submission, score: int, comment: str = "") -> SatisfactionRating:
    """Record the citizen's one rating; refused before completion and the second time."""
    if not 1 <= int(score) <= 5:
        raise WorkflowError(_("Choose a rating from 1 to 5."))
    try:
        with transaction.atomic():
            sub = Submission.objects.select_for_update().get(pk=submission.pk)
            if sub.status != SubmissionStatus.COMPLETED:
                raise WorkflowError(_("You can rate a request once it is completed."))
            rating = SatisfactionRating.objects.create(
                submission=sub, score=int(score), comment=comment.strip()
            )
            timeline.record(
                sub,
                EventKind.RATING,
                actor_name=str(_("Citizen")),
                message=comment.strip(),
                data={"score": int(score)},
            )
    except IntegrityError as error:
        raise AlreadyRated(_("This request has already been rated. Thank you!")) from error
    return rating
