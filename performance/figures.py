"""What the public statistics show of the office's figures (`national.figures.for_office`).

Small counts stay private: a count under `SMALL` is shown as "fewer than 5", and a share, median or
satisfaction figure computed from fewer than `SMALL` requests or answers is not shown at all (one or
two requests could point at a neighbour)."""

import dataclasses

from django.utils.translation import gettext as _

SMALL = 5


@dataclasses.dataclass
class Shown:
    """A row as the public reads it: numbers, or None where the small-count rule hides them."""

    title: str
    received: int | None
    decided: int | None
    median_days: float | None
    percentile_90_days: int | None
    within_percent: float | None
    ratings: int | None
    satisfied_percent: float | None
    target: int
    hidden: list  # names of the figures hidden for small numbers

    @property
    def target_met(self) -> bool | None:
        return None if self.satisfied_percent is None else self.satisfied_percent >= self.target

    def as_dict(self) -> dict:
        values = dataclasses.asdict(self)
        values.pop("hidden")
        values["target_met"] = self.target_met
        return values


def count(value):
    """A count as the public sees it: None (shown as "fewer than 5") under `SMALL`, but 0 stays 0."""
    return value if value >= SMALL or value == 0 else None


def shown(row, target: int, title: str) -> Shown:
    hidden = []
    if row.received < SMALL:
        hidden.append("received")
    if row.decided < SMALL:
        hidden.append("decided")
    if row.ratings < SMALL:
        hidden.append("ratings")
    enough_decided = row.decided >= SMALL
    enough_ratings = row.ratings >= SMALL
    return Shown(
        title=title,
        received=count(row.received),
        decided=count(row.decided),
        median_days=row.median_days if enough_decided else None,
        percentile_90_days=row.percentile_90_days if enough_decided else None,
        within_percent=round(row.within_share * 100, 1) if enough_decided else None,
        ratings=count(row.ratings),
        satisfied_percent=round(row.satisfied_share * 100, 1) if enough_ratings else None,
        target=target,
        hidden=hidden,
    )


def fewer_than_small() -> str:
    return _("fewer than %(count)s") % {"count": SMALL}


@dataclasses.dataclass
class QuestionShown:
    """One survey question of the year as the public reads it (None where the small-count rule hides it)."""

    name: str
    label: str
    answers: int | None
    mean: float | None
    satisfied_percent: float | None


def question_shown(question) -> QuestionShown:
    """`casework.satisfaction.QuestionFigure` under the small-count rule."""
    enough = question.answers >= SMALL
    return QuestionShown(
        name=question.name,
        label=str(question.label),
        answers=count(question.answers),
        mean=round(question.mean, 2) if enough else None,
        satisfied_percent=round(question.satisfied_share * 100, 1) if enough else None,
    )
