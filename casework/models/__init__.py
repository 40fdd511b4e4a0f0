from .records import Holiday, SatisfactionRating, ServiceHandler, SubmissionEvent
from .submissions import ReferenceCounter, Submission, SubmissionFile

__all__ = [
    "Holiday",
    "ReferenceCounter",
    "SatisfactionRating",
    "ServiceHandler",
    "Submission",
    "SubmissionEvent",
    "SubmissionFile",
]
