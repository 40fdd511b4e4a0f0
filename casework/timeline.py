"""A submission's timeline: everything that happened to it, for officers and (in part) the citizen.

Other apps put their events here too, e.g. payments::

    from casework import timeline
    timeline.record(submission, timeline.EventKind.PAYMENT, message="Paid 300 THB by PromptPay",
                    visible_to_citizen=True, data={"payment_id": 12, "state": "paid"})

`record` only appends an entry: it never changes the submission's status (that is
`casework.workflow.transition`). Call it inside your own transaction if the entry must appear only
when your change is saved.
"""

from casework.constants import EventKind
from casework.models import SubmissionEvent

__all__ = ["EventKind", "record", "for_citizen", "for_staff"]


def record(
    submission,
    kind,
    *,
    actor=None,
    message: str = "",
    visible_to_citizen: bool = False,
    data: dict | None = None,
    from_status: str = "",
    to_status: str = "",
    actor_name: str = "",
) -> SubmissionEvent:
    """Append one entry to `submission`'s timeline and return it.

    `kind` is an `EventKind` value; `actor` the staff user who acted (None for the citizen or the
    system: then give `actor_name`, e.g. "citizen"); `visible_to_citizen` shows it on the status page;
    `data` is any JSON-serialisable detail.
    """
    if actor is not None and getattr(actor, "is_authenticated", False):
        name = actor_name or actor.get_full_name() or actor.get_username()
    else:
        actor, name = None, actor_name
    return SubmissionEvent.objects.create(
        submission=submission,
        kind=str(kind),
        actor=actor,
        actor_name=name[:150],
        from_status=from_status,
        to_status=to_status,
        message=message,
        visible_to_citizen=visible_to_citizen,
        data=data or {},
    )


def for_staff(submission):
    return submission.events.select_related("actor").prefetch_related("files").order_by("at", "pk")


def for_citizen(submission):
    return submission.events.filter(visible_to_citizen=True).prefetch_related("files").order_by("at", "pk")
