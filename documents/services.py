"""Issuing documents on approval, their numbers, and the one guarded function that changes their state.

`issue_on_approval` is the approval's hook (`casework.workflow.register_hook`): it runs inside the
approval's transaction with the request's row locked, so the number is taken from the office's counter
(locked with `select_for_update`) in the same transaction — a refused or rolled-back approval gives
the number back, and two approvals at once wait for each other: no gap, no duplicate.
"""

import dataclasses
import secrets

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework import timeline
from casework.constants import EventKind
from casework.filing import office_name
from casework.models import Submission
from casework.workflow import NotPermitted, ReasonRequired, TransitionNotAllowed, WorkflowError
from documents import placeholders, renewals
from documents.constants import DocumentState, DocumentType
from documents.models import DocumentCounter, IssuedDocument, Renewal, ServiceDocument
from home.dates import format_date
from payments.receipts import fiscal_year
from privacy.audit import record_access
from privacy.models import AccessLog

S = DocumentState


class DocumentTemplateMissing(WorkflowError):
    code = "document_template_missing"


def format_number(year: int, sequence: int) -> str:
    """ "12/2569": the number in the office's register for the type, then the fiscal year."""
    return f"{sequence}/{year}"


def next_number(office, document_type, when) -> tuple[int, int]:
    """(fiscal year, sequence) from the office's counter for the type. Call inside a transaction: the
    counter's row stays locked until it ends (other offices and other types are not held up)."""
    year = fiscal_year(when)
    DocumentCounter.objects.get_or_create(office=office, document_type=document_type, fiscal_year=year)
    counter = DocumentCounter.objects.select_for_update().get(
        office=office, document_type=document_type, fiscal_year=year
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return year, counter.last_number


def link_for(submission):
    if submission.service_id is None:
        return None
    return ServiceDocument.objects.filter(service_id=submission.service_id).select_related("template").first()


def holder_of(submission, link) -> str:
    """The holder as the document names them: the answer the service names (a business name), else the
    applicant's name."""
    if link is not None and link.holder_field:
        for item in submission.answers:
            if item.get("key") == link.holder_field and (item.get("display") or item.get("value")):
                return str(item.get("display") or item.get("value"))[:200]
    return (submission.applicant_name or "")[:200]


def valid_until(issued_on, months):
    if not months:
        return None
    return issued_on + relativedelta(months=months) - relativedelta(days=1)


def _template_for(submission, link):
    """The link's template, or a refusal the officer can act on (in the officer's language)."""
    template = link.template
    if template is None or template.office_id != submission.office_id:
        raise DocumentTemplateMissing(
            _(
                "This service issues a document on approval, but no document template of this office is "
                "chosen for it. Ask an administrator to choose one under “Documents services issue”; "
                "nothing was saved."
            )
        )
    return template


def _office_name(submission, language):
    return office_name(submission.office, language)


def draft(submission, link, *, now, number="", year=None, sequence=0) -> IssuedDocument:
    """The document the approval would issue (unsaved): the preview shows it, `issue` saves it."""
    template = _template_for(submission, link)
    issued_on = timezone.localdate(now)
    document = IssuedDocument(
        office_id=submission.office_id,
        submission=submission,
        template=template,
        document_type=template.document_type,
        fiscal_year=year or fiscal_year(now),
        sequence=sequence,
        number=number,
        title_th=template.title_th,
        title_en=template.title_en,
        signer_name=template.signer_name,
        signer_position_th=template.signer_position_th,
        signer_position_en=template.signer_position_en,
        signature_image=template.signature_image,
        holder=holder_of(submission, link),
        issued_on=issued_on,
        valid_until=valid_until(issued_on, template.validity_months),
        created_at=now,
    )
    renewal = Renewal.objects.filter(submission=submission).select_related("previous").first()
    if renewal is not None:
        document.renews = renewal.previous
        starts = renewals.validity_start(renewal, issued_on)
        document.valid_until = valid_until(starts, template.validity_months)
    for language in ("th", "en"):
        values = _values(submission, document, language)
        for field in ("body", "conditions"):
            setattr(
                document,
                f"{field}_{language}",
                placeholders.fill(getattr(template, f"{field}_{language}"), values),
            )
    return document


def _values(submission, document, language):
    values = {item.get("key"): item.get("display") or item.get("value") or "" for item in submission.answers}
    values.update(
        reference=submission.reference,
        holder=document.holder,
        number=document.number or "–",
        issued_on=format_date(document.issued_on, language),
        valid_until=format_date(document.valid_until, language) if document.valid_until else "–",
        service=submission.service_title,
        office=_office_name(submission, language),
    )
    return values


def issue_on_approval(submission, *, actor, now):
    """The approval's hook: issue the service's document, or refuse the approval when it has none."""
    link = link_for(submission)
    if link is None or IssuedDocument.objects.filter(submission=submission).exists():
        return None
    return issue(submission, link, actor=actor, now=now)


@transaction.atomic  # the counter's row stays locked until the document is saved (a savepoint in an approval)
def issue(submission, link, *, actor=None, now=None) -> IssuedDocument:
    now = now or timezone.now()
    template = _template_for(submission, link)
    year, sequence = next_number(submission.office, template.document_type, now)
    document = draft(
        submission, link, now=now, number=format_number(year, sequence), year=year, sequence=sequence
    )
    document.issued_by = actor if getattr(actor, "is_authenticated", False) else None
    document.verification_code = secrets.token_urlsafe(24)
    document.save()
    timeline.record(
        submission,
        EventKind.DOCUMENT,
        actor=actor,
        message=f"{document.get_document_type_display()} {document.number}",
        visible_to_citizen=True,
        data={"document": document.pk, "number": document.number, "state": document.state},
    )
    return document


# The state of an issued document ------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Change:
    action: str
    sources: frozenset
    target: str
    label: object


SUSPEND, REINSTATE, REVOKE = "suspend", "reinstate", "revoke"

#: The only changes there are: valid → suspended → valid; valid or suspended → revoked (final).
CHANGES: dict[str, Change] = {
    c.action: c
    for c in [
        Change(SUSPEND, frozenset({S.VALID}), S.SUSPENDED, _("Suspend")),
        Change(REINSTATE, frozenset({S.SUSPENDED}), S.VALID, _("Lift the suspension")),
        Change(REVOKE, frozenset({S.VALID, S.SUSPENDED}), S.REVOKED, _("Revoke")),
    ]
}


def available(document) -> list[Change]:
    return [c for c in CHANGES.values() if document.state in c.sources]


def change_state(document, action, *, actor, reason, request, now=None) -> IssuedDocument:
    """Suspend, reinstate or revoke an issued document (an instance or a pk) with a reason: the row
    locked, the table and the officer's access to the request checked, then the request's timeline (the
    citizen sees it) and the personal-data access log written. Raises a `WorkflowError` when refused."""
    change = CHANGES.get(action)
    if change is None:
        raise TransitionNotAllowed(_("This action does not exist."))
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired(_("Please write the reason."))
    now = now or timezone.now()
    pk = document.pk if isinstance(document, IssuedDocument) else document
    with transaction.atomic():
        locked = IssuedDocument.objects.select_for_update().get(pk=pk)
        if not Submission.objects.visible_to(actor).filter(pk=locked.submission_id).exists():
            raise NotPermitted(_("You do not handle this service's requests."))
        if locked.state not in change.sources:
            raise TransitionNotAllowed(
                _("A document that is “%(state)s” cannot be changed that way. Nothing was saved.")
                % {"state": DocumentState(locked.state).label}
            )
        source = locked.state
        locked.state = change.target
        locked.state_reason = reason
        locked.state_changed_at = now
        locked.save(update_fields=["state", "state_reason", "state_changed_at"])
        timeline.record(
            locked.submission,
            EventKind.DOCUMENT,
            actor=actor,
            message=f"{locked} — {DocumentState(change.target).label}: {reason}",
            visible_to_citizen=True,
            data={"document": locked.pk, "from": source, "to": change.target},
        )
        record_access(request, AccessLog.Action.CHANGE, locked, f"{source} → {change.target}")
    return locked


__all__ = ["DocumentType", "DocumentTemplateMissing", "change_state", "issue", "issue_on_approval"]
