"""The satisfaction survey: five questions on a scale of 1 to 5 and a comment, asked once a request is
decided (its status page and the email's link) and on the counter's tablet.

One answer per request: the database refuses a second (`SatisfactionRating.submission` is unique); a
counter answer may name no request. "Satisfied" is an overall answer of 4 or 5, the office's target
(80 % by default) is about that share. `summary` reads any set of answers back as per-question counts
in one query; `compare` puts two periods side by side for the office's administrators.
"""

import dataclasses
import datetime

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework import timeline
from casework.constants import EventKind, SubmissionStatus, SurveySource
from casework.models import SatisfactionRating, Submission
from casework.workflow import WorkflowError

#: (field, question) in the order they are asked. "overall" is stored in the `score` column (see the model).
QUESTIONS = (
    ("speed", _("How satisfied are you with how quickly we handled your request?")),
    ("staff", _("How satisfied are you with our staff's courtesy and help?")),
    ("clarity", _("How satisfied are you with how clearly we explained the steps and documents?")),
    ("ease", _("How satisfied are you with how easy it was to make the request?")),
    ("overall", _("Overall, how satisfied are you with our service?")),
)
#: Short names of the questions, for tables.
SHORT_NAMES = {
    "speed": _("Speed"),
    "staff": _("Staff"),
    "clarity": _("Clarity"),
    "ease": _("Ease"),
    "overall": _("Overall"),
}
COLUMNS = {"speed": "speed", "staff": "staff", "clarity": "clarity", "ease": "ease", "overall": "score"}
SATISFIED_FROM = 4  # an answer of 4 or 5 is "satisfied"

#: States after the office's decision: the survey is asked from then on.
DECIDED_STATUSES = frozenset(
    {SubmissionStatus.APPROVED, SubmissionStatus.REJECTED, SubmissionStatus.COMPLETED}
)


class AlreadyRated(WorkflowError):
    code = "already_rated"


def is_decided(submission) -> bool:
    return submission.status in DECIDED_STATUSES


def can_rate(submission) -> bool:
    return is_decided(submission) and not SatisfactionRating.objects.filter(submission=submission).exists()


def _scores(answers: dict) -> dict:
    """{column: score} from {question: score}; every question answered, each 1 to 5."""
    scores = {}
    for name, _question in QUESTIONS:
        try:
            value = int(answers[name])
        except (KeyError, TypeError, ValueError):
            value = 0
        if not 1 <= value <= 5:
            raise WorkflowError(_("Answer every question with a score from 1 to 5."))
        scores[COLUMNS[name]] = value
    return scores


def rate(submission, answers: dict, comment: str = "", source=SurveySource.ONLINE) -> SatisfactionRating:
    """Record the one survey answer of a decided request; refused before the decision and the second time.
    `answers` is {question: 1..5} for every question of `QUESTIONS`."""
    scores = _scores(answers)
    try:
        with transaction.atomic():
            sub = Submission.objects.select_for_update().get(pk=submission.pk)
            if not is_decided(sub):
                raise WorkflowError(
                    _("You can answer the survey once the office has decided on your request.")
                )
            rating = SatisfactionRating.objects.create(
                submission=sub, office_id=sub.office_id, source=source, comment=comment.strip(), **scores
            )
            timeline.record(
                sub,
                EventKind.RATING,
                actor_name=str(_("Citizen")),
                message=comment.strip(),
                data={"score": scores["score"], "source": str(source)},
            )
    except IntegrityError as error:
        raise AlreadyRated(_("This request has already been rated. Thank you!")) from error
    return rating


def rate_anonymously(office, answers: dict, comment: str = "") -> SatisfactionRating:
    """An answer on the counter's tablet that names no request: it counts for the office only."""
    return SatisfactionRating.objects.create(
        office=office, source=SurveySource.COUNTER, comment=comment.strip(), **_scores(answers)
    )


# Reading answers back -------------------------------------------------------------------------------
@dataclasses.dataclass
class QuestionFigure:
    name: str
    answers: int  # answers to this question (older answers have only "overall")
    mean: float | None
    satisfied: int

    @property
    def label(self):
        return SHORT_NAMES[self.name]

    @property
    def satisfied_share(self):
        return self.satisfied / self.answers if self.answers else None


@dataclasses.dataclass
class Summary:
    answers: int
    questions: list[QuestionFigure]

    @property
    def overall(self) -> QuestionFigure:
        return self.questions[-1]


def summary(answers) -> Summary:
    """Per question: how many answered, the mean and how many answered 4 or 5 (one aggregate query).
    `answers` is a queryset of `SatisfactionRating`; nothing personal (comments) is read."""
    aggregates = {"total": Count("pk")}
    for name, _question in QUESTIONS:
        column = COLUMNS[name]
        aggregates[f"{name}_n"] = Count(column)
        aggregates[f"{name}_mean"] = Avg(column)
        aggregates[f"{name}_ok"] = Count("pk", filter=Q(**{f"{column}__gte": SATISFIED_FROM}))
    values = answers.order_by().aggregate(**aggregates)
    return Summary(
        answers=values["total"],
        questions=[
            QuestionFigure(
                name,
                values[f"{name}_n"],
                float(values[f"{name}_mean"]) if values[f"{name}_mean"] is not None else None,
                values[f"{name}_ok"],
            )
            for name, _question in QUESTIONS
        ],
    )


def _bounds(first: datetime.date, last: datetime.date):
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time(), tzinfo=tz)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(), tzinfo=tz)
    return start, end


def for_office(office, first: datetime.date, last: datetime.date):
    """The office's answers given from `first` to `last` (both included), from every source."""
    start, end = _bounds(first, last)
    return SatisfactionRating.objects.filter(office=office, created_at__gte=start, created_at__lt=end)


@dataclasses.dataclass
class Comparison:
    before: Summary
    after: Summary

    def rows(self):
        """(before, after) per question, in the order asked."""
        return list(zip(self.before.questions, self.after.questions, strict=True))


def compare(office, before: tuple, after: tuple) -> Comparison:
    """Two periods ((first day, last day) each) of the office's answers side by side."""
    return Comparison(summary(for_office(office, *before)), summary(for_office(office, *after)))
