from .fields import EFormField
from .pages import EServicePage, ServiceCataloguePage
from .submissions import Draft, ReferenceCounter, Submission, SubmissionFile
from .workflow import Holiday, Notification, SatisfactionRating, ServiceHandler, SubmissionEvent

__all__ = [
    "Draft",
    "EFormField",
    "EServicePage",
    "Holiday",
    "Notification",
    "ReferenceCounter",
    "SatisfactionRating",
    "ServiceCataloguePage",
    "ServiceHandler",
    "Submission",
    "SubmissionEvent",
    "SubmissionFile",
]
