from .fields import EFormField
from .pages import EServicePage, ServiceCataloguePage
from .submissions import Draft, ReferenceCounter, Submission, SubmissionFile

__all__ = [
    "Draft",
    "EFormField",
    "EServicePage",
    "ReferenceCounter",
    "ServiceCataloguePage",
    "Submission",
    "SubmissionFile",
]
