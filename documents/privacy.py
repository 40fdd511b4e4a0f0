"""The holder's data on issued documents, declared for `privacy/` (see `privacy/registry.py`).

A document names its holder (usually a business, sometimes a person) and carries the answers its
template prints. The number, type, dates and state stay (the office's register must stay complete and
gap-free); the holder's name and the printed text go when the request's data is erased. A document
still in force is not erased: the office revokes it first (a shop's licence on the wall must still
verify while it is valid).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.constants import DocumentState
from documents.models import IssuedDocument

ERASED = "—"


class IssuedDocuments:
    name = "documents"
    label = gettext_lazy("Issued documents")
    noun = "document(s)"
    order = 30

    def cases(self, records):
        return {d.submission_id for d in records}

    def records_of_cases(self, cases):
        return list(IssuedDocument.objects.filter(submission_id__in=cases))

    def export(self, records):
        return [
            {
                "type": d.document_type,
                "number": d.number,
                "holder": d.holder,
                "issued_on": d.issued_on,
                "valid_until": d.valid_until,
                "state": d.state,
                "text": d.body_th,
            }
            for d in records
        ]

    def refusal(self, case):
        today = timezone.localdate()
        in_force = (DocumentState.VALID, DocumentState.SUSPENDED)
        for document in IssuedDocument.objects.filter(submission_id=case, state__in=in_force):
            if document.valid_until is None or document.valid_until >= today:
                return _("%(document)s is still in force: revoke it first.") % {"document": document}
        return ""

    def anonymise_case(self, case, now):
        """Documents no longer in force lose the holder and text. One still in force (valid or
        suspended, not past its date) keeps them, so that the paper on a wall still verifies: a person's
        request is refused above until it is revoked, and the retention purge leaves it for later."""
        today = timezone.localdate(now)
        ended = [
            d.pk
            for d in IssuedDocument.objects.filter(submission_id=case)
            if d.state == DocumentState.REVOKED or (d.valid_until is not None and d.valid_until < today)
        ]
        count = IssuedDocument.objects.filter(pk__in=ended).update(
            holder=ERASED, body_th="", body_en="", conditions_th="", conditions_en=""
        )
        return {"documents": count}


PERSONAL_DATA = [IssuedDocuments()]
